import { defineErrors } from '../../platform/errors.ts';

/** Data subject requests: the privacy module's own codes. */
export const privacyErrors = defineErrors({
  codes: {
    ERASURE_ALREADY_REQUESTED: {
      status: 409,
      title: { nl: 'Al aangevraagd', en: 'Already requested' },
      detail: { nl: 'Je hebt al gevraagd om je gegevens te verwijderen. De beheerder van je gemeente handelt dat af.', en: 'You have already asked for your data to be erased. The administrator of your municipality will deal with it.' },
    },
    ALREADY_ERASED: {
      status: 409,
      title: { nl: 'Al verwijderd', en: 'Already erased' },
      detail: { nl: 'De gegevens van deze persoon zijn al verwijderd.', en: 'This person’s data has already been erased.' },
    },
    ACCOUNT_HAS_ROLES: {
      status: 409,
      title: { nl: 'Account niet zelf te verwijderen', en: 'Account cannot be deleted by yourself' },
      detail: {
        nl: 'Je account heeft een rol in Wijkwerk (bijvoorbeeld in een wijkorgaan of bij de gemeente). Vraag daarom verwijdering aan; een beheerder handelt die af.',
        en: 'Your account has a role in Wijkwerk (for instance in a neighbourhood council or at the municipality). Ask for erasure instead; an administrator carries it out.',
      },
    },
    LAST_ADMIN: {
      status: 409,
      title: { nl: 'Laatste beheerder', en: 'Last administrator' },
      detail: { nl: 'Dit is de laatste actieve beheerder. Wijs eerst een andere beheerder aan.', en: 'This is the last active administrator. Appoint another administrator first.' },
    },
  },
  fieldMessages: {},
});
