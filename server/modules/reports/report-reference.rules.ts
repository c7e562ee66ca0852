/** "M-2026-004211": M for melding, the year, and a number per municipality and year, six digits wide. */
export function formatReportReference(year: number, number: number): string {
  return `M-${year}-${String(number).padStart(6, '0')}`;
}

export const reportReferencePattern = /^M-\d{4}-\d{6,}$/;
