import { Heading, PageContent, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { api } from '../../../api/client.ts';
import type { Municipality } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';

/** The front door: with one municipality straight to it, with several a choice. */
export function MunicipalityChooserPage() {
  const { t } = useI18n();
  const municipalities = useQuery({ queryKey: ['municipalities'], queryFn: () => api<{ items: Municipality[] }>('/municipalities') });
  if (municipalities.data?.items.length === 1) return <Navigate to={`/${municipalities.data.items[0].slug}`} replace />;
  return (
    <PageContent>
      <main id="main" className="app-main">
        <Heading level={1}>{t('app.name')}</Heading>
        <Paragraph>{t('chooser.intro')}</Paragraph>
        {municipalities.isPending && <Loading />}
        <ProblemAlert error={municipalities.error} />
        <UnorderedList>
          {municipalities.data?.items.map((item) => (
            <UnorderedListItem key={item.id}>
              <AppLink to={`/${item.slug}`}>{item.name}</AppLink>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      </main>
    </PageContent>
  );
}
