import { defineErrors } from '../../platform/errors.ts';

/** The organisation registry's own field messages. */
export const organisationErrors = defineErrors({
  fieldMessages: {
    neighbourhoodPolicyTaken: { nl: 'Portefeuille “{name}” is al de portefeuille wijkbeleid; er kan er maar één zijn.', en: 'Portfolio “{name}” already is the neighbourhood-policy portfolio; there can be only one.' },
  },
});
