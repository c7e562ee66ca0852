import { defineErrors } from '../../platform/errors.ts';

/** The installation's own administration: logging in as a platform administrator, founding a municipality. */
export const platformErrors = defineErrors({
  codes: {
    PLATFORM_LOGIN_FAILED: {
      status: 401,
      title: { nl: 'Inloggen mislukt', en: 'Login failed' },
      detail: { nl: 'Het e-mailadres of wachtwoord van het platformbeheer klopt niet.', en: 'The platform administration e-mail address or password is incorrect.' },
    },
    PLATFORM_LOGIN_REQUIRED: {
      status: 401,
      title: { nl: 'Log in als platformbeheerder', en: 'Log in as a platform administrator' },
      detail: { nl: 'Dit deel is alleen voor wie de installatie beheert. Log in op de pagina Platformbeheer.', en: 'This part is only for those who run the installation. Log in on the Platform administration page.' },
    },
    MUNICIPALITY_EXISTS: {
      status: 409,
      title: { nl: 'Deze gemeente bestaat al', en: 'This municipality already exists' },
      detail: { nl: 'Er is al een gemeente met dit webadres of deze CBS-code. Kies een ander webadres of kijk in de lijst.', en: 'A municipality with this web address or CBS code already exists. Choose another web address or look in the list.' },
    },
  },
  fieldMessages: {
    slugFormat: {
      nl: 'Gebruik kleine letters, cijfers en streepjes, bijvoorbeeld eindhoven of bergen-nh.',
      en: 'Use lower-case letters, digits and hyphens, for example eindhoven or bergen-nh.',
    },
    slugReserved: { nl: 'Dit webadres is voor Wijkwerk zelf. Kies een ander.', en: 'This web address is reserved for Wijkwerk itself. Choose another.' },
    slugTaken: { nl: 'Er is al een gemeente met dit webadres.', en: 'A municipality with this web address already exists.' },
    cbsMunicipalityCode: { nl: 'Vul de CBS-gemeentecode in: GM en vier cijfers, bijvoorbeeld GM0772.', en: 'Enter the CBS municipality code: GM and four digits, for example GM0772.' },
    cbsCodeTaken: { nl: 'Er is al een gemeente met deze CBS-code.', en: 'A municipality with this CBS code already exists.' },
  },
});
