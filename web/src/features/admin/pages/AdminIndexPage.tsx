import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useParams } from 'react-router';
import { AppLink } from '../../../components/AppLink.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminOnly } from '../components/AdminOnly.tsx';

export const adminSections = ['wijken', 'wijkorganen', 'afdelingen', 'partners', 'themas', 'portefeuilles', 'collegeperiodes', 'gebruikers', 'api-tokens', 'auditlog', 'outbox'] as const;

export function AdminIndexPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  return (
    <AdminOnly>
      <PageTitle>{t('admin.title')}</PageTitle>
      <Paragraph>{t('admin.intro')}</Paragraph>
      <ul className="app-grid">
        {adminSections.map((section) => (
          <li key={section} className="app-card">
            <Heading level={2}>
              <AppLink to={`/${municipality}/beheer/${section}`}>{t(`admin.section.${section}`)}</AppLink>
            </Heading>
            <Paragraph>{t(`admin.section.${section}.text`)}</Paragraph>
          </li>
        ))}
      </ul>
    </AdminOnly>
  );
}
