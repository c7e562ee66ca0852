import { type Notice, readableDate } from '../notifications/index.ts';

// What the users module tells a person about changes to how they log in, in Dutch and English. Each one ends
// with what to do when the change was not theirs: these messages exist so that a stolen account is noticed.

const notYou = {
  nl: 'Was u dit niet, of wist u hier niets van? Neem dan meteen contact op met de beheerder van Wijkwerk bij uw gemeente.',
  en: 'If this was not you, or you did not know about it, contact the Wijkwerk administrator of your municipality at once.',
} as const;

export const userNotices = {
  ownPasswordChanged: (): Notice => ({
    nl: { subject: 'Uw wachtwoord is gewijzigd', body: `Het wachtwoord van uw Wijkwerk-account is gewijzigd. Op andere apparaten bent u uitgelogd.\n\n${notYou.nl}` },
    en: { subject: 'Your password was changed', body: `The password of your Wijkwerk account was changed. You have been logged out on other devices.\n\n${notYou.en}` },
  }),
  passwordSetByAdmin: (): Notice => ({
    nl: { subject: 'Een beheerder heeft uw wachtwoord gewijzigd', body: `Een beheerder heeft een nieuw wachtwoord voor uw Wijkwerk-account ingesteld. U bent overal uitgelogd.\n\n${notYou.nl}` },
    en: { subject: 'An administrator changed your password', body: `An administrator set a new password for your Wijkwerk account. You have been logged out everywhere.\n\n${notYou.en}` },
  }),
  rolesChanged: (): Notice => ({
    nl: { subject: 'Uw rollen in Wijkwerk zijn gewijzigd', body: `Een beheerder heeft gewijzigd wat u in Wijkwerk mag doen.\n\n${notYou.nl}` },
    en: { subject: 'Your roles in Wijkwerk were changed', body: `An administrator changed what you may do in Wijkwerk.\n\n${notYou.en}` },
  }),
  deactivated: (): Notice => ({
    nl: { subject: 'Uw Wijkwerk-account is gedeactiveerd', body: `Een beheerder heeft uw Wijkwerk-account gedeactiveerd. U kunt niet meer inloggen en uw API-sleutels werken niet meer.\n\n${notYou.nl}` },
    en: { subject: 'Your Wijkwerk account was deactivated', body: `An administrator deactivated your Wijkwerk account. You can no longer log in and your API tokens no longer work.\n\n${notYou.en}` },
  }),
  apiTokenCreated: (token: { name: string; expiresAt: Date }): Notice => {
    const until = token.expiresAt.toISOString().slice(0, 10);
    return {
      nl: { subject: `Nieuwe API-sleutel voor uw account: ${token.name}`, body: `Een beheerder heeft de API-sleutel "${token.name}" gemaakt. Een ander systeem kan daarmee tot ${readableDate(until, 'nl')} namens u werken.\n\n${notYou.nl}` },
      en: { subject: `New API token for your account: ${token.name}`, body: `An administrator made the API token "${token.name}". Another system can use it to act as you until ${readableDate(until, 'en')}.\n\n${notYou.en}` },
    };
  },
};
