import '../../insights/insights.css';
import * as Plot from '@observablehq/plot';
import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { reportSignalsSchema } from '../../../../../server/modules/reports/report-handling.contract.ts';
import { ApiProblem, api, tenantPath } from '../../../api/client.ts';
import { Loading, ProblemAlert } from '../../../components/Feedback.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { FiguresTable } from '../../insights/components/FiguresTable.tsx';
import { PlotChart } from '../../insights/components/PlotChart.tsx';
import { chartBase, chartColours, countTicks, formatsFor } from '../../insights/components/chart-theme.ts';

type ReportSignals = z.infer<typeof reportSignalsSchema>;

const dayMs = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** "2026-W49" for a day, as the server counts weeks (ISO 8601: weeks start on Monday, week 1 holds 4 January). */
function isoWeekOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const firstOfYear = Date.UTC(day.getUTCFullYear(), 0, 1);
  return `${day.getUTCFullYear()}-W${String(Math.ceil(((day.getTime() - firstOfYear) / dayMs + 1) / 7)).padStart(2, '0')}`;
}

/**
 * For staff on a neighbourhood's page: how many reports came in over the last 12 weeks per main category, as bars
 * and as a table with the last 4 weeks beside them, so a rise stands out. Shown only to roles that may read reports.
 */
export function NeighbourhoodReportSignals({ municipality, neighbourhoodId }: { municipality: string; neighbourhoodId: string }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const today = new Date();
  const from = isoDay(new Date(today.getTime() - 83 * dayMs));
  const to = isoDay(today);
  const recentFrom = isoWeekOf(new Date(today.getTime() - 27 * dayMs));
  const signals = useQuery({
    queryKey: ['report-signals', municipality, neighbourhoodId, from, to],
    retry: false,
    queryFn: () => api<ReportSignals>(tenantPath(municipality, `/report-signals?${new URLSearchParams({ from, to, neighbourhoodId })}`)),
  });
  // Someone whose rights do not reach this neighbourhood simply does not get the figures.
  if (signals.error instanceof ApiProblem && (signals.error.status === 401 || signals.error.status === 403)) return null;

  const byCategory = new Map<string, { name: string; total: number; recent: number }>();
  for (const item of signals.data?.items ?? []) {
    const row = byCategory.get(item.categoryCode) ?? { name: item.categoryName, total: 0, recent: 0 };
    row.total += item.count;
    if (item.week >= recentFrom) row.recent += item.count;
    byCategory.set(item.categoryCode, row);
  }
  const rows = [...byCategory.values()].sort((first, second) => second.total - first.total || first.name.localeCompare(second.name));
  const ticks = countTicks(Math.max(1, ...rows.map((row) => row.total)), 4);
  // Each category's name stands above its bar, not beside it: long names then fit a phone's width.
  const draw = (width: number) =>
    Plot.plot({
      ...chartBase(width),
      height: 48 + rows.length * 52,
      marginTop: 24,
      marginLeft: 8,
      marginRight: 36,
      marginBottom: 36,
      x: { label: t('reporting.signals.axis'), grid: true, domain: [0, ticks[ticks.length - 1]], ticks, tickFormat: format.count },
      y: { axis: null, domain: rows.map((row) => row.name), padding: 0.45 },
      marks: [
        Plot.barX(rows, { y: 'name', x: 'total', fill: chartColours.count }),
        Plot.ruleX([0]),
        Plot.text(rows, { y: 'name', x: 0, text: 'name', textAnchor: 'start', dy: -20, fill: '#000' }),
        Plot.text(rows, { y: 'name', x: 'total', text: (row: { total: number }) => format.count(row.total), textAnchor: 'start', dx: 6, fill: '#000' }),
      ],
    });

  return (
    <section aria-labelledby="neighbourhood-signals-heading" className="app-card">
      <Heading level={3} id="neighbourhood-signals-heading">
        {t('reporting.signals.title')}
      </Heading>
      {signals.isPending && <Loading />}
      {signals.error && <ProblemAlert error={signals.error} />}
      {signals.data && rows.length === 0 && <Paragraph>{t('reporting.signals.none')}</Paragraph>}
      {rows.length > 0 && (
        <figure className="insights-figure" aria-labelledby="neighbourhood-signals-caption">
          <figcaption id="neighbourhood-signals-caption">{t('reporting.signals.caption', { from: format.date(from), to: format.date(to) })}</figcaption>
          <PlotChart draw={draw} label={t('reporting.signals.chartLabel')} />
          <details className="insights-details">
            <summary>{t('reporting.signals.showTable')}</summary>
            <FiguresTable
              caption={t('reporting.signals.title')}
              rowHeading={t('reporting.signals.category')}
              columns={[t('reporting.signals.twelveWeeks'), t('reporting.signals.fourWeeks')]}
              rows={rows.map((row) => ({ label: row.name, cells: [format.count(row.total), format.count(row.recent)] }))}
            />
          </details>
        </figure>
      )}
    </section>
  );
}
