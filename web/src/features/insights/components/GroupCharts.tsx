import * as Plot from '@observablehq/plot';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Responsiveness, ResponsivenessGroup } from '../queries.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { chartBase, chartColours, formatsFor, labelMargin } from './chart-theme.ts';
import { FiguresTable } from './FiguresTable.tsx';

type Row = ResponsivenessGroup & { name: string };

/** Per department or neighbourhood: how long an answer takes (median and slowest tenth), and how often it is on time. */
export function GroupCharts({ figures, period }: { figures: Responsiveness; period: string }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const grouping = figures.groupBy;
  const rows: Row[] = figures.groups.map((group) => ({ ...group, name: group.label ?? t(`insights.group.none.${grouping}`) }));
  const names = rows.map((row) => row.name);
  const answered = rows.filter((row) => row.answered > 0);
  const unanswered = rows.filter((row) => row.answered === 0);
  const per = t(`insights.per.${grouping}`);
  const base = (width: number) => ({ ...chartBase(width), height: 40 * rows.length + 50, marginLeft: labelMargin(names), y: { label: null, domain: names } });
  const noAnswers = Plot.text(unanswered, { y: 'name', x: 0, text: () => t('insights.noAnswersYet'), textAnchor: 'start', dx: 6, fill: '#444' });

  const drawDays = (width: number) =>
    Plot.plot({
      ...base(width),
      marginRight: 24,
      x: { label: t('insights.axis.days'), labelAnchor: 'center', grid: true, nice: true, tickFormat: (value: number) => format.days(value) },
      marks: [
        Plot.ruleY(answered, { y: 'name', x1: 'medianDaysToAnswer', x2: 'p90DaysToAnswer', stroke: chartColours.connector, strokeWidth: 2 }),
        Plot.dot(answered, { y: 'name', x: 'medianDaysToAnswer', fill: chartColours.median, r: 6, symbol: 'circle' }),
        Plot.dot(answered, { y: 'name', x: 'p90DaysToAnswer', fill: chartColours.p90, r: 7, symbol: 'diamond' }),
        noAnswers,
      ],
    });

  const drawOnTime = (width: number) =>
    Plot.plot({
      ...base(width),
      marginRight: 56,
      x: { label: t('insights.axis.onTime'), labelAnchor: 'center', domain: [0, 100], grid: true, tickFormat: (value: number) => `${value}%` },
      marks: [
        Plot.barX(answered, { y: 'name', x: (row: Row) => (row.answeredOnTimeShare ?? 0) * 100, fill: chartColours.share }),
        Plot.ruleX([0]),
        Plot.text(answered, { y: 'name', x: (row: Row) => (row.answeredOnTimeShare ?? 0) * 100, text: (row: Row) => format.percent(row.answeredOnTimeShare), textAnchor: 'start', dx: 6, fill: '#000' }),
        noAnswers,
      ],
    });

  const onTimeCount = (row: Row) => Math.round((row.answeredOnTimeShare ?? 0) * row.answered);
  return (
    <>
      <ChartFigure
        id="insights-days"
        title={t('insights.days.title', { per })}
        caption={t('insights.days.caption', { per, period })}
        legend={[
          { label: t('insights.series.median'), colour: chartColours.median, shape: 'circle' },
          { label: t('insights.series.p90'), colour: chartColours.p90, shape: 'diamond' },
        ]}
        draw={drawDays}
        table={
          <FiguresTable
            caption={t('insights.days.title', { per })}
            rowHeading={t(`insights.column.${grouping}`)}
            columns={[t('insights.column.requests'), t('insights.column.acknowledged'), t('insights.column.medianAcknowledge'), t('insights.column.p90Acknowledge'), t('insights.column.answered'), t('insights.column.medianAnswer'), t('insights.column.p90Answer')]}
            rows={rows.map((row) => ({
              label: row.name,
              cells: [format.count(row.total), format.count(row.acknowledged), format.days(row.medianDaysToAcknowledge), format.days(row.p90DaysToAcknowledge), format.count(row.answered), format.days(row.medianDaysToAnswer), format.days(row.p90DaysToAnswer)],
            }))}
          />
        }
      />
      <ChartFigure
        id="insights-on-time"
        title={t('insights.onTime.title', { per })}
        caption={t('insights.onTime.caption', { per, period })}
        draw={drawOnTime}
        table={
          <FiguresTable
            caption={t('insights.onTime.title', { per })}
            rowHeading={t(`insights.column.${grouping}`)}
            columns={[t('insights.column.answered'), t('insights.column.onTime'), t('insights.column.onTimeShare')]}
            rows={rows.map((row) => ({ label: row.name, cells: [format.count(row.answered), format.count(onTimeCount(row)), format.percent(row.answeredOnTimeShare)] }))}
          />
        }
      />
    </>
  );
}
