import { defineErrors } from '../../platform/errors.ts';

/** The municipality's own texts: field messages of the accessibility statement. */
export const municipalityErrors = defineErrors({
  codes: {},
  fieldMessages: {
    phoneNumber: { nl: 'Vul een telefoonnummer in met alleen cijfers, spaties, haakjes of een streepje, bijvoorbeeld 0492 58 77 77.', en: 'Enter a phone number with only digits, spaces, brackets or a hyphen, for example 0492 58 77 77.' },
  },
});
