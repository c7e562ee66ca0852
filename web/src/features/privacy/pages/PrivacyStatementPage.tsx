import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import type { PrivacyStatement } from '../../../api/types.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { PageTitle } from '../../../components/PageTitle.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { PrivacyText } from '../components/PrivacyText.tsx';

/** /:municipality/privacy: the municipality's privacy statement, for everyone. */
export function PrivacyStatementPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const statement = useQuery({ queryKey: ['privacy-statement', municipality], queryFn: () => api<PrivacyStatement>(tenantPath(municipality, '/privacy-statement')) });
  // The statement's own first heading would repeat the title: it is shown as the page's h1 instead.
  const text = statement.data?.text ?? '';
  const firstLine = text.split('\n', 1)[0];
  const title = firstLine.startsWith('# ') ? firstLine.slice(2) : t('privacy.title');
  const body = firstLine.startsWith('# ') ? text.slice(firstLine.length) : text;
  return (
    <>
      <PageTitle>{statement.data ? title : t('privacy.title')}</PageTitle>
      {statement.isPending ? <Loading /> : statement.error ? <ProblemAlert error={statement.error} /> : <PrivacyText text={body} />}
    </>
  );
}
