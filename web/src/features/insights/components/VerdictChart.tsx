import { Heading, Paragraph } from '@utrecht/component-library-react/css-module';
import * as Plot from '@observablehq/plot';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Responsiveness } from '../queries.ts';
import { ChartFigure } from './ChartFigure.tsx';
import { chartBase, chartColours, countTicks, formatsFor, labelMargin } from './chart-theme.ts';
import { FiguresTable } from './FiguresTable.tsx';

const verdicts = ['nu', 'ooit', 'nooit'] as const;

/** How the answers of the period divide over nu, ooit and nooit: a bar each, its count and share written beside it. */
export function VerdictChart({ figures, period }: { figures: Responsiveness; period: string }) {
  const { t, language } = useI18n();
  const format = formatsFor(language);
  const total = verdicts.reduce((sum, verdict) => sum + figures.verdicts[verdict], 0);
  const rows = verdicts.map((verdict) => ({ verdict, label: t(`insights.verdict.${verdict}`), count: figures.verdicts[verdict], share: total > 0 ? figures.verdicts[verdict] / total : null }));

  if (total === 0) {
    return (
      <section aria-labelledby="insights-verdicts-heading" className="insights-section">
        <Heading level={2} id="insights-verdicts-heading">
          {t('insights.verdicts.title')}
        </Heading>
        <Paragraph>{t('insights.verdicts.none')}</Paragraph>
      </section>
    );
  }

  const ticks = countTicks(Math.max(...rows.map((row) => row.count)), 8);
  const draw = (width: number) =>
    Plot.plot({
      ...chartBase(width),
      height: 56 * rows.length + 40,
      marginLeft: labelMargin(rows.map((row) => row.label)),
      marginRight: 110,
      x: { label: t('insights.axis.requests'), labelAnchor: 'center', grid: true, domain: [0, ticks[ticks.length - 1]], ticks, tickFormat: format.count },
      y: { label: null, domain: rows.map((row) => row.label) },
      marks: [
        Plot.barX(rows, { x: 'count', y: 'label', fill: (row) => chartColours.verdict[row.verdict as keyof typeof chartColours.verdict] }),
        Plot.ruleX([0]),
        Plot.text(rows, { x: 'count', y: 'label', text: (row) => `${format.count(row.count)} (${format.percent(row.share)})`, textAnchor: 'start', dx: 6, fill: '#000' }),
      ],
    });

  return (
    <ChartFigure
      id="insights-verdicts"
      title={t('insights.verdicts.title')}
      caption={t('insights.verdicts.caption', { period })}
      draw={draw}
      table={
        <FiguresTable
          caption={t('insights.verdicts.title')}
          rowHeading={t('insights.column.verdict')}
          columns={[t('insights.column.requests'), t('insights.column.share')]}
          rows={rows.map((row) => ({ label: row.label, cells: [format.count(row.count), format.percent(row.share)] }))}
          total={{ label: t('insights.column.total'), cells: [format.count(total), format.percent(total > 0 ? 1 : null)] }}
        />
      }
    />
  );
}
