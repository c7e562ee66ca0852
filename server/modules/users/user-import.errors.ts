import { defineErrors } from '../../platform/errors.ts';

/** The reasons a line of a user import is refused, and what it changes, in words an administrator understands. */
export const userImportErrors = defineErrors({
  fieldMessages: {
    importUnknownRole: {
      nl: 'Onbekende rol “{role}”. Gebruik bewoner, wijkraadslid, wijkadviseur, ambtenaar, wethouder, partner of beheerder.',
      en: 'Unknown role “{role}”. Use resident, council_member, advisor, officer, alderman, partner or admin.',
    },
    importRoleWithoutScope: { nl: 'De rol “{role}” geldt voor de hele gemeente: zet er geen wijk, afdeling of organisatie achter.', en: 'The role “{role}” applies to the whole municipality: put no neighbourhood, department or organisation after it.' },
    importRoleNeedsScope: { nl: 'Zet achter “{role}” een dubbele punt en waarvoor de rol geldt, bijvoorbeeld “{role}: Brandevoort”.', en: 'Put a colon after “{role}” and what the role applies to, for example “{role}: Brandevoort”.' },
    importUnknownNeighbourhood: { nl: 'Onbekende wijk “{name}”. Gebruik de naam of de CBS-code van een wijk van deze gemeente.', en: 'Unknown neighbourhood “{name}”. Use the name or CBS code of a neighbourhood of this municipality.' },
    importUnknownDepartment: { nl: 'Onbekende afdeling “{name}”. Gebruik de naam of code van een afdeling van deze gemeente.', en: 'Unknown department “{name}”. Use the name or code of a department of this municipality.' },
    importUnknownCouncil: { nl: 'Onbekend wijkorgaan “{name}”. Gebruik de naam van een wijkorgaan van deze gemeente.', en: 'Unknown council “{name}”. Use the name of a council of this municipality.' },
    importUnknownPortfolio: { nl: 'Onbekende portefeuille “{name}”. Gebruik de naam of code van een portefeuille van deze gemeente.', en: 'Unknown portfolio “{name}”. Use the name or code of a portfolio of this municipality.' },
    importUnknownPartner: { nl: 'Onbekende partnerorganisatie “{name}”. Gebruik de naam van een partner van deze gemeente.', en: 'Unknown partner organisation “{name}”. Use the name of a partner of this municipality.' },
    importAmbiguousScope: { nl: '“{name}” past bij meer dan één: {matches}. Gebruik de code.', en: '“{name}” matches more than one: {matches}. Use the code.' },
    importNameLength: { nl: 'Vul een naam in van 2 tot 120 tekens.', en: 'Enter a name of 2 to 120 characters.' },
    importLanguage: { nl: 'Onbekende taal “{value}”. Gebruik nl of en.', en: 'Unknown language “{value}”. Use nl or en.' },
    importNewAccount: { nl: 'Nieuw account; de persoon krijgt een uitnodiging per e-mail', en: 'New account; the person gets an invitation by e-mail' },
    importRole: { nl: 'Rol: {roleNl}{scope}', en: 'Role: {roleEn}{scope}' },
    importRoleAdded: { nl: 'Rol erbij: {roleNl}{scope}', en: 'Role added: {roleEn}{scope}' },
    importNameKept: { nl: 'De naam blijft “{name}”: een import wijzigt geen namen', en: 'The name stays “{name}”: an import changes no names' },
    importAlreadyThere: { nl: 'Bestaat al met deze rollen; niets te doen', en: 'Already exists with these roles; nothing to do' },
  },
});
