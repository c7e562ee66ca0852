/**
 * The municipality's colours must keep text readable: white text on the primary, header and footer colours, and
 * links in the link colour on the white page, each at least 4.5:1 (WCAG 2.1 AA, success criterion 1.4.3).
 */
export const minimumContrast = 4.5;

export const colourRoles = ['primary', 'primaryHover', 'link', 'header', 'footer'] as const;
export type ColourRole = (typeof colourRoles)[number];

/** Relative luminance of an sRGB colour written as #rrggbb (WCAG 2.1 definition). */
export function luminanceOf(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [red, green, blue] = channels.map((channel) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4));
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** Contrast ratio between a colour and white, from 1 (white itself) to 21 (black). */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminanceOf(hex) + 0.05);
}

/** The ratio rounded down to one decimal, as people read it: 4.49 is "4.4", never "4.5". */
export function describeRatio(ratio: number): string {
  return (Math.floor(ratio * 10) / 10).toFixed(1);
}

/** The colours that would make text too hard to read, with their ratio. */
export function coloursWithLowContrast(colours: Partial<Record<ColourRole, string | null>>): { role: ColourRole; ratio: number }[] {
  return colourRoles.flatMap((role) => {
    const hex = colours[role];
    if (!hex) return [];
    const ratio = contrastWithWhite(hex);
    return ratio < minimumContrast ? [{ role, ratio }] : [];
  });
}
