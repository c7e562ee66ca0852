// A request's reference is what people say on the phone and type in a search box: "HLM-2026-0142". The prefix
// is the municipality's, the year the year of submission, the number counts up per municipality and year.

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const referencePattern = /^([A-Za-z]{2,6})-(\d{4})-(\d{4,})$/;

/** The municipality's prefix, or else the first three letters of its slug in capitals ("helmond" → "HEL"). */
export function referencePrefixOf(setting: string | null, slug: string): string {
  if (setting) return setting;
  const letters = slug.replace(/[^a-z]/gi, '').slice(0, 3).toUpperCase();
  return letters.length >= 2 ? letters : 'REQ';
}

/** "HLM", 2026, 142 → "HLM-2026-0142"; past 9999 the number simply grows a digit. */
export function formatReference(prefix: string, year: number, number: number): string {
  return `${prefix}-${year}-${String(number).padStart(4, '0')}`;
}

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** A text that has the shape of a reference, as stored (capitals), or null. */
export function asReference(value: string): string | null {
  const trimmed = value.trim();
  return referencePattern.test(trimmed) ? trimmed.toUpperCase() : null;
}
