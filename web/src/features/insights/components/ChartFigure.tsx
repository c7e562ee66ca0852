import { Heading } from '@utrecht/component-library-react/css-module';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { PlotChart } from './PlotChart.tsx';

export interface LegendEntry {
  label: string;
  colour: string;
  shape: 'circle' | 'diamond' | 'square';
}

function Swatch({ colour, shape }: Omit<LegendEntry, 'label'>) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {shape === 'circle' && <circle cx="8" cy="8" r="6" fill={colour} />}
      {shape === 'diamond' && <path d="M8 1 L15 8 L8 15 L1 8 Z" fill={colour} />}
      {shape === 'square' && <rect x="2" y="2" width="12" height="12" fill={colour} />}
    </svg>
  );
}

/** A chart with its heading, caption, legend and the same numbers as a table for those who do not read charts. */
export function ChartFigure(props: { id: string; title: string; caption: string; draw(width: number): SVGSVGElement | HTMLElement; legend?: LegendEntry[]; table: ReactNode }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby={`${props.id}-heading`} className="insights-section">
      <Heading level={2} id={`${props.id}-heading`}>
        {props.title}
      </Heading>
      <figure className="insights-figure" aria-labelledby={`${props.id}-caption`}>
        <figcaption id={`${props.id}-caption`}>{props.caption}</figcaption>
        {props.legend && (
          <ul className="insights-legend">
            {props.legend.map((entry) => (
              <li key={entry.label}>
                <Swatch colour={entry.colour} shape={entry.shape} /> {entry.label}
              </li>
            ))}
          </ul>
        )}
        <PlotChart draw={props.draw} label={t('insights.chartLabel', { title: props.title })} />
        <details className="insights-details">
          <summary>{t('insights.showTable')}</summary>
          {props.table}
        </details>
      </figure>
    </section>
  );
}
