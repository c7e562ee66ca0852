import { describe, expect, it } from 'vitest';
import { parseLanguage, parseRoleCell, type ScopeChoices } from './user-import.rules.ts';

const choices: ScopeChoices = {
  neighbourhood: [
    { id: 'n-brandevoort', label: 'Brandevoort', words: ['Brandevoort', 'brandevoort', 'WK079410'] },
    { id: 'n-rijpelberg', label: 'Rijpelberg', words: ['Rijpelberg', 'rijpelberg', 'WK079407'] },
  ],
  department: [
    { id: 'd-verkeer', label: 'Verkeer', words: ['Verkeer', 'verkeer', 'Traffic'] },
    { id: 'd-groen', label: 'Groen', words: ['Groen', 'groen'] },
    { id: 'd-groen-2', label: 'Groen en water', words: ['Groen en water', 'groen'] },
  ],
  council: [{ id: 'c-brandevoort', label: 'Wijkraad Brandevoort', words: ['Wijkraad Brandevoort'] }],
  portfolio: [{ id: 'p-wijkbeleid', label: 'Wijkbeleid', words: ['Wijkbeleid', 'wijkbeleid'] }],
  partner_organisation: [{ id: 'o-politie', label: 'Politie Helmond', words: ['Politie Helmond'] }],
};

describe('the role cell of a user import', () => {
  it.each([
    ['wijkadviseur: Brandevoort | rijpelberg', [['advisor', 'n-brandevoort'], ['advisor', 'n-rijpelberg']]],
    ['advisor:WK079410', [['advisor', 'n-brandevoort']]],
    ['Ambtenaar: Traffic; beheerder', [['officer', 'd-verkeer'], ['admin', null]]],
    ['council_member: wijkraad brandevoort\nwethouder: Wijkbeleid', [['council_member', 'c-brandevoort'], ['alderman', 'p-wijkbeleid']]],
    ['Lid wijkorgaan: Wijkraad Brandevoort; partner: Politie Helmond; bewoner', [['council_member', 'c-brandevoort'], ['partner', 'o-politie'], ['resident', null]]],
    ['Adviseur wijkgericht werken: Brandevoort; wijkadviseur: brandevoort', [['advisor', 'n-brandevoort']]],
    ['', []],
  ])('reads “%s”', (cell, expected) => {
    const { grants, problems } = parseRoleCell(cell, choices);
    expect(problems).toEqual([]);
    expect(grants.map((grant) => [grant.role, grant.scopeId])).toEqual(expected);
  });

  it.each([
    ['tovenaar', 'importUnknownRole'],
    ['wijkadviseur', 'importRoleNeedsScope'],
    ['beheerder: Brandevoort', 'importRoleWithoutScope'],
    ['wijkadviseur: Atlantis', 'importUnknownNeighbourhood'],
    ['ambtenaar: Cultuur', 'importUnknownDepartment'],
    ['wijkraadslid: Wijkraad Atlantis', 'importUnknownCouncil'],
    ['wethouder: Cultuur', 'importUnknownPortfolio'],
    ['partner: Brandweer', 'importUnknownPartner'],
    ['ambtenaar: groen', 'importAmbiguousScope'],
  ])('refuses “%s” with %s', (cell, code) => {
    expect(parseRoleCell(cell, choices).problems.map((problem) => problem.code)).toEqual([code]);
  });

  it('reads the language column, Dutch when empty', () => {
    expect([parseLanguage(undefined), parseLanguage(''), parseLanguage('Engels'), parseLanguage('EN'), parseLanguage('Nederlands'), parseLanguage('Frans')]).toEqual(['nl', 'nl', 'en', 'en', 'nl', undefined]);
  });
});
