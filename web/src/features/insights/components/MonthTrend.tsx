import * as Plot from '@observablehq/plot';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Responsiveness, ResponsivenessGroup } from '../queries.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { chartBase, chartColours, countTicks, formatsFor } from './chart-theme.ts';
import { FiguresTable } from './FiguresTable.tsx';

/** Every month of the period, also those without requests: a trend with silent gaps would mislead. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  const last = to.slice(0, 7);
  for (let key = from.slice(0, 7); key <= last; key = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(key);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}

const emptyMonth = (key: string): ResponsivenessGroup => ({
  key,
  label: key,
  total: 0,
  acknowledged: 0,
  answered: 0,
  medianDaysToAcknowledge: null,
  p90DaysToAcknowledge: null,
  medianDaysToAnswer: null,
  p90DaysToAnswer: null,
  answeredOnTimeShare: null,
  nuDue: 0,
  nuCarriedOutInTimeShare: null,
});

/** Grouped by month: requests per month, days to an answer per month and the on-time share per month. */
export function MonthTrend({ figures, period }: { figures: Responsiveness; period: string }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const months = monthsOf(figures.from, figures.to);
  const rows = months.map((key) => figures.groups.find((group) => group.key === key) ?? emptyMonth(key));
  const share = (row: ResponsivenessGroup) => (row.answeredOnTimeShare === null ? null : row.answeredOnTimeShare * 100);
  const base = (width: number, type: 'band' | 'point') => {
    // A label per month while they fit (about 80 px each), else every second, third… month.
    const step = Math.ceil(months.length / Math.max(1, Math.floor((width - 80) / 80)));
    return {
      ...chartBase(width),
      height: 300,
      marginLeft: 56,
      marginRight: 32,
      marginBottom: 36,
      x: { type, label: null, domain: months, ticks: months.filter((_, index) => index % step === 0), tickFormat: format.shortMonth, padding: type === 'band' ? 0.2 : 0.5 },
    } as const;
  };

  const ticks = countTicks(Math.max(...rows.map((row) => row.total)), 6);
  const drawCounts = (width: number) =>
    Plot.plot({
      ...base(width, 'band'),
      y: { label: t('insights.axis.requests'), grid: true, domain: [0, ticks[ticks.length - 1]], ticks, tickFormat: format.count },
      marks: [Plot.barY(rows, { x: 'key', y: 'total', fill: chartColours.count }), Plot.ruleY([0]), Plot.text(rows, { x: 'key', y: 'total', text: (row: ResponsivenessGroup) => format.count(row.total), dy: -10, fill: '#000' })],
    });

  const drawDays = (width: number) =>
    Plot.plot({
      ...base(width, 'point'),
      y: { label: t('insights.axis.days'), grid: true, nice: true, zero: true, tickFormat: (value: number) => format.days(value) },
      marks: [
        Plot.lineY(rows, { x: 'key', y: 'medianDaysToAnswer', stroke: chartColours.median, strokeWidth: 2 }),
        Plot.dot(rows, { x: 'key', y: 'medianDaysToAnswer', fill: chartColours.median, r: 5, symbol: 'circle' }),
        Plot.lineY(rows, { x: 'key', y: 'p90DaysToAnswer', stroke: chartColours.p90, strokeWidth: 2, strokeDasharray: '6 4' }),
        Plot.dot(rows, { x: 'key', y: 'p90DaysToAnswer', fill: chartColours.p90, r: 6, symbol: 'diamond' }),
      ],
    });

  const drawOnTime = (width: number) =>
    Plot.plot({
      ...base(width, 'point'),
      y: { label: t('insights.axis.onTime'), domain: [0, 100], grid: true, tickFormat: (value: number) => `${value}%` },
      marks: [Plot.lineY(rows, { x: 'key', y: share, stroke: chartColours.share, strokeWidth: 2 }), Plot.dot(rows, { x: 'key', y: share, fill: chartColours.share, r: 5 })],
    });

  const monthHeading = t('insights.column.month');
  const label = (row: ResponsivenessGroup) => format.longMonth(row.key ?? '');
  return (
    <>
      <ChartFigure
        id="insights-month-counts"
        title={t('insights.months.counts.title')}
        caption={t('insights.months.counts.caption', { period })}
        draw={drawCounts}
        table={
          <FiguresTable
            caption={t('insights.months.counts.title')}
            rowHeading={monthHeading}
            columns={[t('insights.column.requests'), t('insights.column.acknowledged'), t('insights.column.answered')]}
            rows={rows.map((row) => ({ label: label(row), cells: [format.count(row.total), format.count(row.acknowledged), format.count(row.answered)] }))}
          />
        }
      />
      <ChartFigure
        id="insights-month-days"
        title={t('insights.months.days.title')}
        caption={t('insights.months.days.caption', { period })}
        legend={[
          { label: t('insights.series.median'), colour: chartColours.median, shape: 'circle' },
          { label: t('insights.series.p90'), colour: chartColours.p90, shape: 'diamond' },
        ]}
        draw={drawDays}
        table={
          <FiguresTable
            caption={t('insights.months.days.title')}
            rowHeading={monthHeading}
            columns={[t('insights.column.medianAcknowledge'), t('insights.column.p90Acknowledge'), t('insights.column.medianAnswer'), t('insights.column.p90Answer')]}
            rows={rows.map((row) => ({ label: label(row), cells: [format.days(row.medianDaysToAcknowledge), format.days(row.p90DaysToAcknowledge), format.days(row.medianDaysToAnswer), format.days(row.p90DaysToAnswer)] }))}
          />
        }
      />
      <ChartFigure
        id="insights-month-on-time"
        title={t('insights.months.onTime.title')}
        caption={t('insights.months.onTime.caption', { period })}
        draw={drawOnTime}
        table={
          <FiguresTable
            caption={t('insights.months.onTime.title')}
            rowHeading={monthHeading}
            columns={[t('insights.column.answered'), t('insights.column.onTimeShare')]}
            rows={rows.map((row) => ({ label: label(row), cells: [format.count(row.answered), format.percent(row.answeredOnTimeShare)] }))}
          />
        }
      />
    </>
  );
}
