import { defineErrors } from '../../platform/errors.ts';

/** Logging in and accounts: the users module's own codes and field messages. */
export const userErrors = defineErrors({
  codes: {
    INVALID_CREDENTIALS: {
      status: 401,
      title: { nl: 'Inloggen mislukt', en: 'Login failed' },
      detail: { nl: 'Het e-mailadres of wachtwoord klopt niet.', en: 'The e-mail address or password is incorrect.' },
    },
    TOO_MANY_LOGIN_ATTEMPTS: {
      status: 429,
      title: { nl: 'Te veel pogingen', en: 'Too many attempts' },
      detail: { nl: 'Te veel mislukte inlogpogingen. Probeer het over {minutes} min. opnieuw.', en: 'Too many failed login attempts. Try again in {minutes} min.' },
    },
  },
  fieldMessages: {
    passwordTooShort: { nl: 'Kies een wachtwoord van minstens {minimum} tekens.', en: 'Choose a password of at least {minimum} characters.' },
    passwordTooLong: { nl: 'Kies een wachtwoord van hoogstens {maximum} tekens.', en: 'Choose a password of at most {maximum} characters.' },
    passwordTooCommon: { nl: 'Dit wachtwoord is te bekend en dus makkelijk te raden. Kies een ander.', en: 'This password is too common and easy to guess. Choose another one.' },
    passwordUnchanged: { nl: 'Kies een ander wachtwoord dan je huidige.', en: 'Choose a password other than your current one.' },
    currentPasswordIncorrect: { nl: 'Dit is niet je huidige wachtwoord.', en: 'This is not your current password.' },
    passwordContainsEmail: { nl: 'Gebruik je e-mailadres niet in je wachtwoord.', en: 'Do not use your e-mail address in your password.' },
    scopeMismatch: { nl: 'Deze rol hoort bij een ander soort bereik ({expected}).', en: 'This role belongs to another kind of scope ({expected}).' },
    lastAdmin: { nl: 'Er moet minstens één beheerder overblijven.', en: 'At least one administrator must remain.' },
  },
});
