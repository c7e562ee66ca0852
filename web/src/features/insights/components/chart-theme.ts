import type { PlotOptions } from '@observablehq/plot';
import type { Language } from '../../../i18n/i18n.tsx';

/**
 * Chart colours: every mark has at least 3:1 contrast with the white page (WCAG 1.4.11), most over 5:1, and no
 * meaning rests on colour alone: the two series of a chart also differ in shape, and every bar is named on its axis.
 */
export const chartColours = {
  median: '#0b3d6b', // 11:1
  p90: '#b3470a', // 5.5:1, and a diamond instead of a circle
  connector: '#767676', // 4.5:1
  share: '#1f6fb2', // 5.3:1
  count: '#0b3d6b',
  verdict: { nu: '#1b6e3a', ooit: '#8a5a00', nooit: '#a4262c' }, // 6.3, 5.9 and 7.3:1
} as const;

/** Options every chart shares: the page's typeface at a readable size, black text, room for axis labels at that size. */
export function chartBase(width: number): PlotOptions {
  return { width, marginTop: 32, marginBottom: 52, style: { fontSize: '14px', fontFamily: 'inherit', color: '#000', background: 'transparent', overflow: 'visible' } };
}

/** Ticks for a count axis: whole numbers only (no "2,5 vragen"), a round step, the last tick at or above the maximum. */
export function countTicks(maximum: number, target: number): number[] {
  const rough = Math.max(1, maximum / target);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const ticks = [0];
  while (ticks[ticks.length - 1] < maximum) ticks.push(ticks[ticks.length - 1] + step);
  return ticks;
}

/** Room for the longest label on a band axis (about 8 px a character at 14 px), within reason. */
export function labelMargin(labels: string[]): number {
  return Math.min(280, 24 + 8 * Math.max(4, ...labels.map((label) => label.length)));
}

export function formatsFor(language: Language) {
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const monthOf = (key: string) => new Date(`${key}-01T12:00:00Z`);
  return {
    locale,
    days: (value: number | null) => (value === null ? '–' : oneDecimal.format(value)),
    count: (value: number) => whole.format(value),
    percent: (share: number | null) => (share === null ? '–' : percent.format(share)),
    /** "mrt 2026" on an axis; "maart 2026" in a table. */
    shortMonth: (key: string) => monthOf(key).toLocaleDateString(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
    longMonth: (key: string) => monthOf(key).toLocaleDateString(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
    date: (value: string) => new Date(`${value}T12:00:00Z`).toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  };
}

export type Formats = ReturnType<typeof formatsFor>;
