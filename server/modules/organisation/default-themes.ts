import type { Executor } from '../../db/client.ts';
import { theme } from './organisation.tables.ts';

/**
 * The themes the note names for what neighbourhoods raise (social facilities; green, grey and blue maintenance;
 * the layout of public space; accessibility; social and traffic safety) and the few every municipality adds. A new
 * municipality starts with them; its administrator renames, adds or retires them.
 */
export const defaultThemes = [
  { code: 'social-facilities', nameNl: 'Sociaal-maatschappelijke voorzieningen', nameEn: 'Social facilities' },
  { code: 'maintenance-green', nameNl: 'Onderhoud groen', nameEn: 'Maintenance of green spaces' },
  { code: 'maintenance-grey', nameNl: 'Onderhoud grijs (wegen, pleinen, parkeren)', nameEn: 'Maintenance of roads, squares and car parks' },
  { code: 'maintenance-blue', nameNl: 'Onderhoud blauw (water, vijvers)', nameEn: 'Maintenance of water' },
  { code: 'public-space-layout', nameNl: 'Inrichting openbare ruimte', nameEn: 'Layout of public space' },
  { code: 'accessibility', nameNl: 'Bereikbaarheid en openbaar vervoer', nameEn: 'Accessibility and public transport' },
  { code: 'social-safety', nameNl: 'Sociale veiligheid', nameEn: 'Social safety' },
  { code: 'traffic-safety', nameNl: 'Verkeersveiligheid', nameEn: 'Traffic safety' },
  { code: 'parking', nameNl: 'Parkeren', nameEn: 'Parking' },
  { code: 'youth', nameNl: 'Jeugd en jongerenwerk', nameEn: 'Youth and youth work' },
  { code: 'housing', nameNl: 'Wonen', nameEn: 'Housing' },
] as const;

export async function insertDefaultThemes(tx: Executor, municipalityId: string) {
  return tx
    .insert(theme)
    .values(defaultThemes.map((item, index) => ({ municipalityId, ...item, sortOrder: index })))
    .returning();
}
