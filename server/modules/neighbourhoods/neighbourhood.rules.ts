/** "Mierlo-Hout" → "mierlo-hout", "Binnenstad/Centrum" → "binnenstad-centrum". */
export function slugFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}

/** The fields an advisor may change for their own neighbourhoods; everything else is the admin's. */
export const fieldsAnAdvisorMayDescribe = new Set(['version', 'description']);
