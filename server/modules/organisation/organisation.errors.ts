import { defineErrors } from '../../platform/errors.ts';

/** The organisation registry's own field messages. */
export const organisationErrors = defineErrors({
  fieldMessages: {
    importTextLength: { nl: 'Vul {min} tot {max} tekens in.', en: 'Enter {min} to {max} characters.' },
    importYesNo: { nl: '“{value}” is geen ja of nee.', en: '“{value}” is not yes or no.' },
    importNumber: { nl: 'Vul een heel getal van {min} tot {max} in.', en: 'Enter a whole number from {min} to {max}.' },
    importPartnerKind: { nl: 'Onbekende soort “{value}”. Gebruik politie, woningcorporatie, welzijn, onderwijs of overig.', en: 'Unknown kind “{value}”. Use police, housing corporation, welfare, education or other.' },
    listUnknownDepartment: { nl: 'Onbekende afdeling “{name}”. Gebruik de code of naam van een afdeling, meerdere gescheiden door |.', en: 'Unknown department “{name}”. Use the code or name of a department, several separated by |.' },
    listUnknownTheme: { nl: 'Onbekend thema “{name}”. Gebruik de code of naam van een thema, meerdere gescheiden door |.', en: 'Unknown theme “{name}”. Use the code or name of a theme, several separated by |.' },
    listUnknownNeighbourhood: { nl: 'Onbekende wijk “{name}”. Gebruik de naam of CBS-code van een wijk, meerdere gescheiden door |.', en: 'Unknown neighbourhood “{name}”. Use the name or CBS code of a neighbourhood, several separated by |.' },
    importNewRecord: { nl: 'Wordt toegevoegd', en: 'Will be added' },
    importFieldChanged: { nl: '{columnNl}: “{from}” wordt “{to}”', en: '{columnEn}: “{from}” becomes “{to}”' },
    neighbourhoodPolicyTaken: { nl: 'Portefeuille “{name}” is al de portefeuille wijkbeleid; er kan er maar één zijn.', en: 'Portfolio “{name}” already is the neighbourhood-policy portfolio; there can be only one.' },
  },
});
