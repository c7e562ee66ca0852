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
    PASSWORD_LINK_INVALID: {
      status: 410,
      title: { nl: 'Link werkt niet meer', en: 'Link no longer works' },
      detail: {
        nl: 'Deze link om een wachtwoord in te stellen is verlopen of al gebruikt. Vraag een nieuwe aan met ‘Wachtwoord vergeten’ op de inlogpagina.',
        en: 'This link to set a password has expired or was already used. Ask for a new one with ‘Forgot your password’ on the login page.',
      },
    },
    REGISTRATION_CLOSED: {
      status: 403,
      title: { nl: 'Zelf registreren kan hier niet', en: 'Registration is closed here' },
      detail: { nl: 'Bij deze gemeente maakt de beheerder van Wijkwerk de accounts aan. Neem contact op met de gemeente voor een uitnodiging.', en: 'In this municipality the Wijkwerk administrator creates the accounts. Contact the municipality for an invitation.' },
    },
    REGISTRATION_LINK_INVALID: {
      status: 410,
      title: { nl: 'Link werkt niet meer', en: 'Link no longer works' },
      detail: { nl: 'Deze link om je e-mailadres te bevestigen is verlopen of al gebruikt. Maak je account opnieuw aan; als het al bestaat, log dan in.', en: 'This link to confirm your e-mail address has expired or was already used. Create your account again; if it already exists, log in.' },
    },
    SECOND_FACTOR_FAILED: {
      status: 401,
      title: { nl: 'Bevestiging mislukt', en: 'Confirmation failed' },
      detail: { nl: 'De code of passkey klopt niet. Probeer het opnieuw.', en: 'The code or passkey is not right. Try again.' },
    },
    PASSWORD_LOGIN_OFF: {
      status: 403,
      title: { nl: 'Log in met het gemeenteaccount', en: 'Log in with the municipal account' },
      detail: { nl: 'Medewerkers loggen hier in met {label}, niet met een wachtwoord. Kies de knop "Inloggen met {label}".', en: 'Staff log in here with {label}, not with a password. Choose the button "Log in with {label}".' },
    },
    SINGLE_SIGN_ON_OFF: {
      status: 404,
      title: { nl: 'Geen inloggen via de gemeente', en: 'No municipal login' },
      detail: { nl: 'Deze gemeente heeft inloggen met het gemeenteaccount niet aangezet. Log in met je e-mailadres en wachtwoord.', en: 'This municipality has not switched on login with the municipal account. Log in with your e-mail address and password.' },
    },
    LOGIN_STEP_EXPIRED: {
      status: 401,
      title: { nl: 'Log opnieuw in', en: 'Log in again' },
      detail: { nl: 'Het inloggen duurde te lang of ging te vaak mis. Begin opnieuw met je e-mailadres en wachtwoord.', en: 'Logging in took too long or failed too often. Start again with your e-mail address and password.' },
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
    totpCodeIncorrect: { nl: 'Deze code klopt niet. Kijk of de tijd op je telefoon goed staat en typ de nieuwste code.', en: 'This code is not right. Check that the time on your phone is correct and type the newest code.' },
    passkeyNotVerified: { nl: 'De passkey kon niet worden gecontroleerd. Probeer het opnieuw.', en: 'The passkey could not be checked. Try again.' },
    lastSecondFactor: { nl: 'Voor jouw rol is een tweede stap verplicht. Voeg eerst een andere toe voordat je deze verwijdert.', en: 'Your role requires a second step. Add another one before you remove this one.' },
    passwordByLink: {
      nl: 'Een beheerder kiest geen wachtwoord voor een ander. De persoon krijgt een link per e-mail om zelf een wachtwoord te kiezen.',
      en: 'An administrator does not choose a password for someone else. The person gets a link by e-mail to choose their own.',
    },
    accountInactive: { nl: 'Dit account is gedeactiveerd. Activeer het eerst.', en: 'This account is deactivated. Activate it first.' },
    issuerUrl: { nl: 'Vul het adres (https://…) van de identity provider in, zoals in de documentatie van de provider staat.', en: 'Enter the identity provider’s address (https://…) as its documentation gives it.' },
    issuerUnreachable: {
      nl: 'Op {issuer} is geen OpenID Connect-configuratie te vinden ({reason}). Controleer het adres; het moet het “issuer”-adres zijn, zonder /.well-known/openid-configuration.',
      en: 'No OpenID Connect configuration was found at {issuer} ({reason}). Check the address; it must be the “issuer” address, without /.well-known/openid-configuration.',
    },
    clientSecretRequired: { nl: 'Vul het client secret in dat de identity provider voor Wijkwerk gaf.', en: 'Enter the client secret the identity provider gave for Wijkwerk.' },
    lastAdmin: { nl: 'Er moet minstens één beheerder overblijven.', en: 'At least one administrator must remain.' },
  },
});
