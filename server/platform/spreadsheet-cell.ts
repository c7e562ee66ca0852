/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before one) as a formula: a title
 * like "=HYPERLINK(…)" would become a live link or worse. A leading apostrophe keeps it text. Only text gets it:
 * numbers are written as numbers, and a negative budget is not a formula.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
