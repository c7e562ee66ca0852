import { describe, expect, it } from 'vitest';
import { coloursWithLowContrast, contrastWithWhite, describeRatio } from './appearance.rules.ts';

describe('colour contrast against white', () => {
  it.each([
    ['#000000', 21],
    ['#ffffff', 1],
    ['#767676', 4.54],
    ['#777777', 4.48],
  ])('%s has a ratio of about %d:1', (hex, ratio) => {
    expect(contrastWithWhite(hex)).toBeCloseTo(ratio, 1);
  });

  it('names each colour that falls below 4.5:1 and passes the readable ones', () => {
    expect(coloursWithLowContrast({ primary: '#01689b', link: '#777777', header: null, footer: '#ffcc00' }).map((found) => found.role)).toEqual(['link', 'footer']);
    expect(coloursWithLowContrast({ primary: '#01689b', link: '#01689b' })).toEqual([]);
  });

  it('never rounds a failing ratio up to the limit', () => {
    expect(describeRatio(4.49)).toBe('4.4');
  });
});
