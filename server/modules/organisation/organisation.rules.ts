/** A council term must end after it starts (ISO dates compare as text). */
export function isTermPeriodValid(startsOn: string, endsOn: string): boolean {
  return endsOn > startsOn;
}
