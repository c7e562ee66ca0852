import { defineErrors } from '../../platform/errors.ts';

/** The organisation registry's own field messages. */
export const organisationErrors = defineErrors({
  fieldMessages: {
    importTextLength: { nl: 'Vul {min} tot {max} tekens in.', en: 'Enter {min} to {max} characters.' },
    importYesNo: { nl: '“{value}” is geen ja of nee.', en: '“{value}” is not yes or no.' },
    importNumber: { nl: 'Vul een heel getal van {min} tot {max} in.', en: 'Enter a whole number from {min} to {max}.' },
    importPartnerKind: { nl: 'Onbekende soort “{value}”. Gebruik politie, woningcorporatie, welzijn, onderwijs of overig.', en: 'Unknown kind “{value}”. Use police, housing corporation, welfare, education or other.' },
    importNewRecord: { nl: 'Wordt toegevoegd', en: 'Will be added' },
    importFieldChanged: { nl: '{columnNl}: “{from}” wordt “{to}”', en: '{columnEn}: “{from}” becomes “{to}”' },
    neighbourhoodPolicyTaken: { nl: 'Portefeuille “{name}” is al de portefeuille wijkbeleid; er kan er maar één zijn.', en: 'Portfolio “{name}” already is the neighbourhood-policy portfolio; there can be only one.' },
  },
});
