import { Heading, Link, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import type { Page, PartnerOrganisation } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';

/** A partner's organisation (police, housing corporation, welfare) as the municipality registered it. */
export function PartnerHome({ municipality, partnerIds }: { municipality: string; partnerIds: string[] }) {
  const { t, nameOf } = useI18n();
  const partners = useQuery({ queryKey: ['partner-organisations', municipality, 'all'], queryFn: () => api<Page<PartnerOrganisation>>(tenantPath(municipality, '/partner-organisations?pageSize=100')) });
  const mine = partners.data?.items.filter((item) => partnerIds.includes(item.id)) ?? [];
  return (
    <section aria-labelledby="partner-home-heading">
      <Heading level={2} id="partner-home-heading">
        {t('home.partner.title')}
      </Heading>
      {mine.map((partner) => (
        <div key={partner.id} className="app-card">
          <Heading level={3}>{nameOf(partner)}</Heading>
          <Paragraph>{t(`partnerKind.${partner.kind}`)}</Paragraph>
          {partner.contactEmail && (
            <Paragraph>
              {t('council.email')}: <Link href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</Link>
            </Paragraph>
          )}
          <Paragraph>{t('home.partner.text')}</Paragraph>
        </div>
      ))}
      <RequestsSection municipality={municipality} heading={t('home.partner.requests')} filter={{ mine: 'true' }} emptyText={t('home.partner.noRequests')} showSubmitLink />
    </section>
  );
}
