import { defineErrors } from '../../platform/errors.ts';

/** What an administrator is told when a tailored meeting kind does not hang together. */
export const meetingKindErrors = defineErrors({
  fieldMessages: {
    frequencyValueRequired: { nl: 'Vul in hoe vaak: het aantal jaren of het aantal keer per collegeperiode.', en: 'Fill in how often: the number of years or the number of times per council term.' },
    frequencyValueNotUsed: { nl: 'Laat dit leeg: bij deze regel spreek je geen aantal af.', en: 'Leave this empty: this rule has no number.' },
    frequencyNotForThisKind: { nl: 'Tweegesprekken en losse overleggen tellen niet mee in de vaste structuur en hebben dus geen vaste frequentie.', en: 'Bilateral and ad-hoc meetings do not count toward the structure, so they have no set frequency.' },
    groupBothRequiredAndOptional: { nl: 'Een groep is óf verplicht óf facultatief uitgenodigd, niet allebei. Haal de groep bij een van de twee weg.', en: 'A group is either required or optional, not both. Remove the group from one of the two.' },
  },
});
