import { defineErrors } from '../../platform/errors.ts';

/** The organisation registry's own field messages. */
export const organisationErrors = defineErrors({
  fieldMessages: {
    importPartnerKind: { nl: 'Onbekende soort “{value}”. Gebruik politie, woningcorporatie, welzijn, onderwijs of overig.', en: 'Unknown kind “{value}”. Use police, housing corporation, welfare, education or other.' },
    listUnknownDepartment: { nl: 'Onbekende afdeling “{name}”. Gebruik de code of naam van een afdeling, meerdere gescheiden door |.', en: 'Unknown department “{name}”. Use the code or name of a department, several separated by |.' },
    listUnknownTheme: { nl: 'Onbekend thema “{name}”. Gebruik de code of naam van een thema, meerdere gescheiden door |.', en: 'Unknown theme “{name}”. Use the code or name of a theme, several separated by |.' },
    listUnknownNeighbourhood: { nl: 'Onbekende wijk “{name}”. Gebruik de naam of CBS-code van een wijk, meerdere gescheiden door |.', en: 'Unknown neighbourhood “{name}”. Use the name or CBS code of a neighbourhood, several separated by |.' },
    neighbourhoodPolicyTaken: { nl: 'Portefeuille “{name}” is al de portefeuille wijkbeleid; er kan er maar één zijn.', en: 'Portfolio “{name}” already is the neighbourhood-policy portfolio; there can be only one.' },
  },
});
