import { type Notice, readableDate, readableMoment } from '../notifications/index.ts';

// What the users module tells a person about changes to how they log in, in Dutch and English. Each one ends
// with what to do when the change was not theirs: these messages exist so that a stolen account is noticed.

const notYou = {
  nl: 'Was jij dit niet, of wist je hier niets van? Neem dan meteen contact op met de beheerder van Wijkwerk bij je gemeente.',
  en: 'If this was not you, or you did not know about it, contact the Wijkwerk administrator of your municipality at once.',
} as const;

/** A moment as people in the Netherlands read it: "woensdag 9 december 2026 om 14:30". */
const until = (moment: Date, language: 'nl' | 'en') => readableMoment(moment, language);

const notYouHere = {
  nl: 'Heb je dit niet zelf gevraagd? Dan kun je dit bericht negeren: er verandert niets.',
  en: 'Did you not ask for this? Then you can ignore this message: nothing changes.',
} as const;

export const userNotices = {
  /** A resident registered: the link confirms the address and makes the account. */
  registrationConfirmation: (link: { name: string; link: string; expiresAt: Date; municipality: string }): Notice => ({
    nl: {
      subject: 'Bevestig je e-mailadres voor Wijkwerk',
      body: `Beste ${link.name},\n\nJe hebt een account aangemaakt bij Wijkwerk ${link.municipality}. Bevestig je e-mailadres met deze link, dan is je account klaar en ben je meteen ingelogd:\n\n${link.link}\n\nDe link werkt één keer, tot ${until(link.expiresAt, 'nl')}.\n\n${notYouHere.nl}`,
    },
    en: {
      subject: 'Confirm your e-mail address for Wijkwerk',
      body: `Dear ${link.name},\n\nYou created an account with Wijkwerk ${link.municipality}. Confirm your e-mail address with this link; your account is then ready and you are logged in at once:\n\n${link.link}\n\nThe link works once, until ${until(link.expiresAt, 'en')}.\n\n${notYouHere.en}`,
    },
  }),
  /** Someone registered with an address that already has an account: its owner hears so, the answer on the page does not say. */
  registrationForExistingAccount: (links: { name: string; logIn: string; forgotten: string }): Notice => ({
    nl: {
      subject: 'Je hebt al een account bij Wijkwerk',
      body: `Beste ${links.name},\n\nIemand wilde een nieuw Wijkwerk-account maken met dit e-mailadres, maar je hebt er al een. Log in op ${links.logIn}. Weet je je wachtwoord niet meer? Vraag een nieuw aan op ${links.forgotten}.\n\n${notYouHere.nl}`,
    },
    en: {
      subject: 'You already have a Wijkwerk account',
      body: `Dear ${links.name},\n\nSomeone wanted to create a new Wijkwerk account with this e-mail address, but you already have one. Log in at ${links.logIn}. Forgot your password? Ask for a new one at ${links.forgotten}.\n\n${notYouHere.en}`,
    },
  }),
  /** The person asked for a new password ("wachtwoord vergeten"). */
  passwordForgotten: (link: { name: string; link: string; expiresAt: Date }): Notice => ({
    nl: {
      subject: 'Kies een nieuw wachtwoord voor Wijkwerk',
      body: `Beste ${link.name},\n\nJe hebt gevraagd om een nieuw wachtwoord. Kies het via deze link:\n\n${link.link}\n\nDe link werkt één keer, tot ${until(link.expiresAt, 'nl')}. Je huidige wachtwoord blijft werken tot je een nieuw kiest.\n\n${notYouHere.nl}`,
    },
    en: {
      subject: 'Choose a new password for Wijkwerk',
      body: `Dear ${link.name},\n\nYou asked for a new password. Choose it with this link:\n\n${link.link}\n\nThe link works once, until ${until(link.expiresAt, 'en')}. Your current password keeps working until you choose a new one.\n\n${notYouHere.en}`,
    },
  }),
  invitation: (link: { name: string; link: string; expiresAt: Date }): Notice => ({
    nl: {
      subject: 'Je account in Wijkwerk: kies een wachtwoord',
      body: `Beste ${link.name},\n\nEr is een Wijkwerk-account voor je gemaakt. Kies via deze link zelf een wachtwoord:\n\n${link.link}\n\nDe link werkt één keer, tot ${until(link.expiresAt, 'nl')}. Daarna kan de beheerder je een nieuwe sturen.`,
    },
    en: {
      subject: 'Your Wijkwerk account: choose a password',
      body: `Dear ${link.name},\n\nA Wijkwerk account was made for you. Choose your own password with this link:\n\n${link.link}\n\nThe link works once, until ${until(link.expiresAt, 'en')}. After that the administrator can send you a new one.`,
    },
  }),
  passwordReset: (link: { name: string; link: string; expiresAt: Date }): Notice => ({
    nl: {
      subject: 'Stel een nieuw wachtwoord in voor Wijkwerk',
      body: `Beste ${link.name},\n\nEen beheerder heeft een link gestuurd waarmee je een nieuw wachtwoord kiest:\n\n${link.link}\n\nDe link werkt één keer, tot ${until(link.expiresAt, 'nl')}.\n\n${notYou.nl}`,
    },
    en: {
      subject: 'Set a new password for Wijkwerk',
      body: `Dear ${link.name},\n\nAn administrator sent a link with which you choose a new password:\n\n${link.link}\n\nThe link works once, until ${until(link.expiresAt, 'en')}.\n\n${notYou.en}`,
    },
  }),
  passwordSetWithLink: (): Notice => ({
    nl: { subject: 'Je wachtwoord is ingesteld', body: `Je hebt met de link uit je e-mail een wachtwoord voor Wijkwerk ingesteld. Waar je nog ingelogd was, ben je uitgelogd.\n\n${notYou.nl}` },
    en: { subject: 'Your password was set', body: `You set a password for Wijkwerk with the link from your e-mail. Wherever you were still logged in, you have been logged out.\n\n${notYou.en}` },
  }),
  passwordBlockedByAdmin: (): Notice => ({
    nl: { subject: 'Je wachtwoord werkt niet meer', body: `Een beheerder heeft je wachtwoord voor Wijkwerk geblokkeerd en je overal uitgelogd. Met de link die je apart krijgt, kies je een nieuw wachtwoord.\n\n${notYou.nl}` },
    en: { subject: 'Your password no longer works', body: `An administrator blocked your Wijkwerk password and logged you out everywhere. Choose a new password with the link you receive separately.\n\n${notYou.en}` },
  }),
  secondFactorAdded: (factor: { label: string; kind: 'totp' | 'passkey' }): Notice => ({
    nl: { subject: 'Nieuwe tweede stap voor je account', body: `Aan je Wijkwerk-account is ${factor.kind === 'totp' ? 'een authenticator-app' : 'een passkey'} toegevoegd: "${factor.label}".\n\n${notYou.nl}` },
    en: { subject: 'New second step for your account', body: `${factor.kind === 'totp' ? 'An authenticator app' : 'A passkey'} was added to your Wijkwerk account: "${factor.label}".\n\n${notYou.en}` },
  }),
  secondFactorRemoved: (factor: { label: string; byAdmin: boolean }): Notice => ({
    nl: { subject: 'Tweede stap verwijderd van je account', body: `${factor.byAdmin ? 'Een beheerder heeft' : 'Je hebt'} de tweede stap "${factor.label}" van je Wijkwerk-account verwijderd.\n\n${notYou.nl}` },
    en: { subject: 'Second step removed from your account', body: `${factor.byAdmin ? 'An administrator removed' : 'You removed'} the second step "${factor.label}" from your Wijkwerk account.\n\n${notYou.en}` },
  }),
  ownPasswordChanged: (): Notice => ({
    nl: { subject: 'Je wachtwoord is gewijzigd', body: `Het wachtwoord van je Wijkwerk-account is gewijzigd. Op andere apparaten ben je uitgelogd.\n\n${notYou.nl}` },
    en: { subject: 'Your password was changed', body: `The password of your Wijkwerk account was changed. You have been logged out on other devices.\n\n${notYou.en}` },
  }),
  emailChanged: (change: { to: string }): Notice => ({
    nl: { subject: 'Het e-mailadres van je Wijkwerk-account is gewijzigd', body: `Een beheerder heeft het e-mailadres van je Wijkwerk-account gewijzigd in ${change.to}. Berichten en links om een wachtwoord in te stellen gaan voortaan daarheen.\n\n${notYou.nl}` },
    en: { subject: 'The e-mail address of your Wijkwerk account was changed', body: `An administrator changed the e-mail address of your Wijkwerk account to ${change.to}. Messages and links to set a password now go there.\n\n${notYou.en}` },
  }),
  rolesChanged: (): Notice => ({
    nl: { subject: 'Je rollen in Wijkwerk zijn gewijzigd', body: `Een beheerder heeft gewijzigd wat je in Wijkwerk mag doen.\n\n${notYou.nl}` },
    en: { subject: 'Your roles in Wijkwerk were changed', body: `An administrator changed what you may do in Wijkwerk.\n\n${notYou.en}` },
  }),
  deactivated: (): Notice => ({
    nl: { subject: 'Je Wijkwerk-account is gedeactiveerd', body: `Een beheerder heeft je Wijkwerk-account gedeactiveerd. Je kunt niet meer inloggen en je API-sleutels werken niet meer.\n\n${notYou.nl}` },
    en: { subject: 'Your Wijkwerk account was deactivated', body: `An administrator deactivated your Wijkwerk account. You can no longer log in and your API tokens no longer work.\n\n${notYou.en}` },
  }),
  apiTokenExpiring: (token: { name: string; expiresAt: Date }): Notice => ({
    nl: {
      subject: `API-sleutel "${token.name}" verloopt binnenkort`,
      body: `De API-sleutel "${token.name}" waarmee een ander systeem namens jou werkt, verloopt op ${until(token.expiresAt, 'nl')}. Is de koppeling nog nodig, vraag de beheerder dan om een nieuwe sleutel en zet die in het andere systeem.`,
    },
    en: {
      subject: `API token "${token.name}" expires soon`,
      body: `The API token "${token.name}" with which another system acts as you expires on ${until(token.expiresAt, 'en')}. If the integration is still needed, ask the administrator for a new token and put it in the other system.`,
    },
  }),
  apiTokenCreated: (token: { name: string; expiresAt: Date }): Notice => {
    return {
      nl: { subject: `Nieuwe API-sleutel voor je account: ${token.name}`, body: `Een beheerder heeft de API-sleutel "${token.name}" gemaakt. Een ander systeem kan daarmee tot ${readableDate(token.expiresAt, 'nl')} namens jou werken.\n\n${notYou.nl}` },
      en: { subject: `New API token for your account: ${token.name}`, body: `An administrator made the API token "${token.name}". Another system can use it to act as you until ${readableDate(token.expiresAt, 'en')}.\n\n${notYou.en}` },
    };
  },
};
