import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import type { Page, PartnerOrganisation } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export function PartnerHome({ municipality, partnerIds }: { municipality: string; partnerIds: string[] }) {
  const { t } = useI18n();
  const partners = useQuery({ queryKey: ['partner-organisations', municipality], queryFn: () => api<Page<PartnerOrganisation>>(tenantPath(municipality, '/partner-organisations')) });
  const mine = partners.data?.items.filter((item) => partnerIds.includes(item.id)) ?? [];
  return (
    <section aria-labelledby="partner-home-heading">
      <Heading level={2} id="partner-home-heading">
        {t('home.partner.title')}
      </Heading>
      {mine.map((partner) => (
        <div key={partner.id} className="app-card">
          <Heading level={3}>{partner.name}</Heading>
          <Paragraph>{t(`partnerKind.${partner.kind}`)}</Paragraph>
          <Paragraph>{t('home.partner.text')}</Paragraph>
        </div>
      ))}
    </section>
  );
}
