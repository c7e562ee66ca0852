import type { Notice } from '../notifications/index.ts';

// What the privacy module tells administrators. Names stay out of the message: the list in the app shows them.

export const privacyNotices = {
  erasureRequested: (): Notice => ({
    nl: {
      subject: 'Nieuw verzoek om gegevens te verwijderen',
      body: 'Iemand heeft gevraagd om zijn of haar gegevens in Wijkwerk te verwijderen (AVG artikel 17). Bekijk het verzoek onder Beheer → Privacy en voer het uit, binnen een maand.',
    },
    en: {
      subject: 'New request to erase personal data',
      body: 'Someone has asked for their data in Wijkwerk to be erased (GDPR article 17). See the request under Administration → Privacy and carry it out within a month.',
    },
  }),
};
