import { DataList, DataListItem, DataListKey, DataListValue, Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import { api, tenantPath } from '../../../api/client.ts';
import type { Department, NeighbourhoodSummary, Page, Portfolio, Theme } from '../../../api/types.ts';
import { AppLink } from '../../../components/AppLink.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { formatsFor } from '../../insights/components/chart-theme.ts';
import { FiguresTable } from '../../insights/components/FiguresTable.tsx';
import { lastTwelveMonths, todayInAmsterdam } from '../../insights/period.ts';
import { useResponsiveness } from '../../insights/queries.ts';
import { RequestsSection } from '../../requests/components/RequestsSection.tsx';

/** Lists the home needs once, to name what the portfolios cover. */
function useList<Item>(municipality: string, path: string) {
  return useQuery({ queryKey: [path.slice(1), municipality, 'all'], queryFn: () => api<Page<Item>>(tenantPath(municipality, `${path}?pageSize=100`)), staleTime: 60_000 });
}

/**
 * An alderman reads along with their own portfolios (§3.3): what the portfolios cover, how fast their departments
 * answer, the open and late requests of their departments, subjects and neighbourhoods, and the advice on which the
 * college must decide a deviation.
 */
export function AldermanHome({ municipality, portfolioIds }: { municipality: string; portfolioIds: string[] }) {
  const { t, nameOf, language } = useI18n();
  const portfolios = useList<Portfolio>(municipality, '/portfolios');
  const departments = useList<Department>(municipality, '/departments');
  const themes = useList<Theme>(municipality, '/themes');
  const neighbourhoods = useList<NeighbourhoodSummary>(municipality, '/neighbourhoods');
  const mine = portfolios.data?.items.filter((item) => portfolioIds.includes(item.id)) ?? [];
  const departmentIds = new Set(mine.flatMap((item) => item.departmentIds));
  const namesOf = <Item extends { id: string }>(items: Item[] | undefined, ids: string[], name: (item: Item) => string) =>
    (items ?? [])
      .filter((item) => ids.includes(item.id))
      .map(name)
      .join(', ');
  const period = lastTwelveMonths(todayInAmsterdam());
  const figures = useResponsiveness(municipality, { ...period, groupBy: 'department' }, departmentIds.size > 0);
  const format = formatsFor(language);
  const rows = (figures.data?.groups ?? []).filter((group) => group.key !== null && departmentIds.has(group.key));

  return (
    <>
      <section aria-labelledby="alderman-home-heading">
        <Heading level={2} id="alderman-home-heading">
          {t('myHome.alderman')}
        </Heading>
        <Paragraph>{t('myHome.aldermanText')}</Paragraph>
        {mine.map((portfolio) => (
          <div key={portfolio.id} className="app-card">
            <Heading level={3}>{t('home.alderman.portfolio', { name: nameOf(portfolio) })}</Heading>
            <DataList>
              <DataListItem>
                <DataListKey>{t('home.alderman.departments')}</DataListKey>
                <DataListValue>{namesOf(departments.data?.items, portfolio.departmentIds, nameOf) || t('home.alderman.nothing')}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('home.alderman.themes')}</DataListKey>
                <DataListValue>{namesOf(themes.data?.items, portfolio.themeIds, nameOf) || t('home.alderman.nothing')}</DataListValue>
              </DataListItem>
              <DataListItem>
                <DataListKey>{t('home.alderman.neighbourhoods')}</DataListKey>
                <DataListValue>{namesOf(neighbourhoods.data?.items, portfolio.neighbourhoodIds, (item) => item.name) || t('home.alderman.nothing')}</DataListValue>
              </DataListItem>
            </DataList>
          </div>
        ))}
        {portfolios.isSuccess && mine.every((portfolio) => portfolio.departmentIds.length + portfolio.themeIds.length + portfolio.neighbourhoodIds.length === 0) && (
          <Paragraph>{t('home.alderman.noCoverage')}</Paragraph>
        )}
      </section>
      {departmentIds.size > 0 && (
        <section aria-labelledby="alderman-figures-heading">
          <Heading level={2} id="alderman-figures-heading">
            {t('home.alderman.figures')}
          </Heading>
          <Paragraph>{t('home.alderman.figuresPeriod', { from: format.date(period.from), to: format.date(period.to) })}</Paragraph>
          {rows.length > 0 ? (
            <FiguresTable
              caption={t('home.alderman.figures')}
              rowHeading={t('insights.column.department')}
              columns={[t('home.alderman.answered'), t('home.alderman.days'), t('home.alderman.onTime')]}
              rows={rows.map((row) => ({
                label: row.label ?? '',
                cells: [t('home.alderman.answeredOf', { answered: format.count(row.answered), total: format.count(row.total) }), format.days(row.medianDaysToAnswer), format.percent(row.answeredOnTimeShare)],
              }))}
            />
          ) : (
            figures.isSuccess && <Paragraph>{t('home.alderman.noFigures')}</Paragraph>
          )}
          <Paragraph>
            <AppLink to={`/${municipality}/reactiesnelheid`}>{t('insights.homeLink')}</AppLink>
          </Paragraph>
        </section>
      )}
      {/* "Mine" for an alderman: the requests of the portfolios' departments, subjects and neighbourhoods. */}
      <RequestsSection municipality={municipality} heading={t('home.alderman.overdue')} filter={{ mine: 'true', isOverdue: 'true', sort: 'deadline' }} emptyText={t('home.alderman.noOverdue')} />
      <RequestsSection municipality={municipality} heading={t('home.alderman.open')} filter={{ mine: 'true', isOpen: 'true', sort: 'deadline' }} emptyText={t('home.alderman.noOpen')} />
      <RequestsSection municipality={municipality} heading={t('home.alderman.college')} filter={{ decidingBody: 'college' }} emptyText={t('home.alderman.noCollege')} />
    </>
  );
}
