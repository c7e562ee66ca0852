import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

// The registers an admin opens most; the administration's own index lists every section.
const sections = ['wijken', 'wijkorganen', 'afdelingen', 'partners', 'gebruikers', 'auditlog', 'outbox'] as const;

export function AdminHome({ municipality }: { municipality: string }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="admin-home-heading">
      <Heading level={2} id="admin-home-heading">
        {t('home.admin.title')}
      </Heading>
      <Paragraph>{t('home.admin.text')}</Paragraph>
      <UnorderedList>
        {sections.map((section) => (
          <UnorderedListItem key={section}>
            <AppLink to={`/${municipality}/beheer/${section}`}>{t(`admin.section.${section}`)}</AppLink>
          </UnorderedListItem>
        ))}
      </UnorderedList>
      <Paragraph>
        <AppLink to={`/${municipality}/beheer`}>{t('home.admin.all')}</AppLink>
      </Paragraph>
      <Paragraph>
        <AppLink to={`/${municipality}/reactiesnelheid`}>{t('insights.homeLink')}</AppLink>
      </Paragraph>
    </section>
  );
}
