import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQueries } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { api, tenantPath } from '../../../api/client.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { AdminPage, useAdminHref } from '../components/AdminPage.tsx';

/** The sections of the administration, grouped as an admin thinks of them; `count` is the API list to count. */
const groups = [
  {
    key: 'municipality',
    sections: [{ section: 'huisstijl', count: undefined }],
  },
  {
    key: 'registers',
    sections: [
      { section: 'wijken', count: '/neighbourhoods' },
      { section: 'wijkorganen', count: '/councils' },
      { section: 'afdelingen', count: '/departments' },
      { section: 'partners', count: '/partner-organisations' },
      { section: 'themas', count: '/themes' },
      { section: 'portefeuilles', count: '/portfolios' },
      { section: 'collegeperiodes', count: '/council-terms' },
    ],
  },
  {
    key: 'protocol',
    sections: [{ section: 'antwoordregels', count: undefined }],
  },
  {
    key: 'reports',
    sections: [{ section: 'meldingen', count: undefined }],
  },
  {
    key: 'access',
    sections: [
      { section: 'gebruikers', count: '/users' },
      { section: 'api-tokens', count: '/api-tokens' },
      { section: 'inloggen', count: undefined },
      { section: 'privacy', count: undefined },
    ],
  },
  {
    key: 'traces',
    sections: [
      { section: 'auditlog', count: undefined },
      { section: 'beveiliging', count: undefined },
      { section: 'outbox', count: undefined },
    ],
  },
] as const;

const countedPaths = groups.flatMap((group) => group.sections.map((entry) => entry.count)).filter((path): path is NonNullable<typeof path> => Boolean(path));

/** /beheer: every register and tool, with how many records each holds. */
export function AdminIndexPage() {
  const { municipality = '' } = useParams();
  const { t } = useI18n();
  const adminHref = useAdminHref();
  // One record a page is enough: the lists report their total (API tokens are few and come whole).
  const counts = useQueries({
    queries: countedPaths.map((path) => ({
      queryKey: ['admin', municipality, path, 'count'],
      queryFn: async () => {
        const page = await api<{ items: unknown[]; total?: number }>(tenantPath(municipality, path === '/api-tokens' ? path : `${path}?pageSize=1`));
        return page.total ?? page.items.length;
      },
    })),
  });
  const countOf = (path: string | undefined) => (path ? counts[countedPaths.indexOf(path as (typeof countedPaths)[number])]?.data : undefined);

  return (
    <AdminPage title={t('admin.title')} intro={t('admin.intro')} isOverview>
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`}>
          <Heading level={2} id={`group-${group.key}`}>
            {t(`admin.group.${group.key}`)}
          </Heading>
          <ul className="app-grid">
            {group.sections.map(({ section, count: path }) => {
              const count = countOf(path);
              return (
                <li key={section} className="app-card">
                  <Heading level={3}>
                    <AppLink to={adminHref(section)}>{t(`admin.section.${section}`)}</AppLink>
                  </Heading>
                  <Paragraph>{t(`admin.section.${section}.text`)}</Paragraph>
                  {count !== undefined && <Paragraph className="admin-count">{t('admin.index.count', { count })}</Paragraph>}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </AdminPage>
  );
}
