/**
 * The role cell of a user import, read as a person writes it:
 *   `wijkadviseur: Brandevoort | Rijpelberg; ambtenaar: Openbare ruimte; beheerder`
 * Grants are separated by `;` (or a line break within the cell), a role from its scopes by `:`, scopes by `|`.
 * Roles by their code, Dutch or English name; scopes by name, code, slug or CBS code. Pure: no database.
 */
import type { CsvColumns, CsvProblem } from '../../platform/csv-import.ts';
import { looseWord } from '../../platform/csv-import.ts';
import type { Text } from '../../platform/errors.ts';
import { type Role, type ScopeType, scopeTypeOfRole } from '../../platform/permissions.ts';

export const userImportColumns = {
  name: { headers: ['naam', 'name', 'volledige naam', 'display name', 'displayName'], isRequired: true },
  email: { headers: ['e-mail', 'email', 'e-mailadres', 'email address', 'mail'], isRequired: true },
  roles: { headers: ['rollen', 'roles', 'rol', 'role'] },
  language: { headers: ['taal', 'language', 'locale'] },
} satisfies CsvColumns<string>;
export type UserImportColumn = keyof typeof userImportColumns;

/** The role names in the app's own words (as the web app shows them), and the other words people use for them. */
export const roleWords: Record<Role, Text & { also: string[] }> = {
  resident: { nl: 'Bewoner', en: 'Resident', also: ['wijkbewoner', 'inwoner'] },
  council_member: { nl: 'Lid wijkorgaan', en: 'Council member', also: ['wijkraadslid', 'lid wijkraad', 'wijkorgaanlid', 'council'] },
  advisor: { nl: 'Adviseur wijkgericht werken', en: 'Neighbourhood advisor', also: ['adviseur', 'wijkadviseur', 'advisor', 'adviser'] },
  officer: { nl: 'Vakambtenaar', en: 'Officer', also: ['ambtenaar'] },
  alderman: { nl: 'Wethouder', en: 'Alderman', also: [] },
  partner: { nl: 'Partner', en: 'Partner', also: ['partnerorganisatie'] },
  admin: { nl: 'Beheerder', en: 'Administrator', also: ['admin', 'functioneel beheerder'] },
};

const roleByWord = new Map<string, Role>(
  (Object.entries(roleWords) as [Role, Text & { also: string[] }][]).flatMap(([role, words]) => [role, words.nl, words.en, ...words.also].map((word) => [looseWord(word), role] as const)),
);

/** A record a scope can name: its id and every word that names it. */
export interface ScopeChoice {
  id: string;
  label: string;
  words: string[];
}
export type ScopeChoices = Record<Exclude<ScopeType, 'municipality'>, ScopeChoice[]>;

export interface ParsedGrant {
  role: Role;
  scopeId: string | null;
  /** "Adviseur wijkgericht werken (Brandevoort)", for the report. */
  label: { role: Role; scope: string | null };
}

const unknownScopeCode: Record<Exclude<ScopeType, 'municipality'>, string> = {
  neighbourhood: 'importUnknownNeighbourhood',
  department: 'importUnknownDepartment',
  council: 'importUnknownCouncil',
  portfolio: 'importUnknownPortfolio',
  partner_organisation: 'importUnknownPartner',
};

function findScope(choices: ScopeChoice[], written: string): ScopeChoice[] {
  const word = looseWord(written);
  const found = choices.filter((choice) => choice.words.some((candidate) => looseWord(candidate) === word));
  return [...new Map(found.map((choice) => [choice.id, choice])).values()];
}

/** The grants a role cell asks for, or the problems that stop it; an empty cell asks for none. */
export function parseRoleCell(cell: string, choices: ScopeChoices): { grants: ParsedGrant[]; problems: CsvProblem[] } {
  const grants: ParsedGrant[] = [];
  const problems: CsvProblem[] = [];
  const column = 'roles';
  for (const part of cell.split(/[;\n\r]+/).map((piece) => piece.trim()).filter(Boolean)) {
    const colon = part.indexOf(':');
    const roleWord = (colon >= 0 ? part.slice(0, colon) : part).trim();
    const scopes = colon >= 0 ? part.slice(colon + 1).split('|').map((scope) => scope.trim()).filter(Boolean) : [];
    const role = roleByWord.get(looseWord(roleWord));
    if (!role) {
      problems.push({ column, code: 'importUnknownRole', params: { role: roleWord.slice(0, 60) } });
      continue;
    }
    const scopeType = scopeTypeOfRole[role];
    if (scopeType === 'municipality') {
      if (scopes.length > 0) problems.push({ column, code: 'importRoleWithoutScope', params: { role: roleWord } });
      else grants.push({ role, scopeId: null, label: { role, scope: null } });
      continue;
    }
    if (scopes.length === 0) {
      problems.push({ column, code: 'importRoleNeedsScope', params: { role: roleWord } });
      continue;
    }
    for (const scope of scopes) {
      const found = findScope(choices[scopeType], scope);
      if (found.length === 1) grants.push({ role, scopeId: found[0].id, label: { role, scope: found[0].label } });
      else if (found.length === 0) problems.push({ column, code: unknownScopeCode[scopeType], params: { name: scope.slice(0, 100) } });
      else problems.push({ column, code: 'importAmbiguousScope', params: { name: scope.slice(0, 100), matches: found.map((choice) => choice.label).join(', ') } });
    }
  }
  // The same role on the same scope twice is one grant.
  const unique = new Map(grants.map((grant) => [`${grant.role}:${grant.scopeId}`, grant]));
  return { grants: [...unique.values()], problems };
}

/** The language column: empty is Dutch. */
export function parseLanguage(cell: string | undefined): 'nl' | 'en' | undefined {
  const word = looseWord(cell ?? '');
  if (['', 'nl', 'nederlands', 'dutch'].includes(word)) return 'nl';
  if (['en', 'engels', 'english'].includes(word)) return 'en';
  return undefined;
}
