import { DomainError, defineErrors } from '../../platform/errors.ts';

/** An id in the body that is not this municipality's (or does not exist): 400 on that field, nothing changed. */
export const unknownReference = (field: string) => new DomainError('VALIDATION_FAILED', { fields: [{ field, code: 'unknownReference' }] });

/** The meeting rules' field messages (§3.2); the generic ones (required, endBeforeStart, dateInPast) are the platform's. */
export const meetingsErrors = defineErrors({
  codes: {
    MEETING_STATE_FORBIDS: {
      status: 409,
      title: { nl: 'Kan nu niet bij dit overleg', en: 'Not possible for this meeting now' },
      detail: {
        nl: 'Dit kan niet meer of nog niet bij dit overleg. Voor een overleg is gehouden verander je agenda, deelnemers en tijden; daarna alleen nog verslag, aanwezigheid en afspraken.',
        en: 'This is not possible for this meeting now. Before a meeting is held you change its agenda, participants and times; afterwards only its minutes, attendance and follow-up.',
      },
    },
  },
  fieldMessages: {
    chairDoubleBooked: {
      nl: 'De voorzitter zit op dat moment al een ander overleg voor. Kies een ander tijdstip of een andere voorzitter.',
      en: 'The chair already chairs another meeting at that time. Choose another time or another chair.',
    },
    participantPersonOrGuest: {
      nl: 'Kies één persoon uit Wijkwerk óf vul naam en e-mailadres van een gast in, niet allebei.',
      en: 'Choose one person from Wijkwerk or enter a guest’s name and e-mail address, not both.',
    },
    participantAlreadyInvited: { nl: 'Deze persoon staat al op de lijst van deelnemers.', en: 'This person is already on the list of participants.' },
    agendaRequestRequired: {
      nl: 'Kies het verzoek van jullie wijkorgaan dat op de agenda moet; andere punten zet de organisator erop.',
      en: 'Choose your council’s request to put on the agenda; other points are added by the organiser.',
    },
    contributionAfterMeeting: { nl: 'Kies een datum vóór of op de dag van het overleg.', en: 'Choose a date before or on the day of the meeting.' },
    followUpOwnerRequired: {
      nl: 'Zeg wie de afspraak uitvoert: kies een persoon of vul een naam of organisatie in.',
      en: 'Say who carries out the agreement: choose a person or enter a name or organisation.',
    },
    termLimitReached: {
      nl: 'In deze collegeperiode is er al een overleg van deze soort in de wijk. Een tweede kan alleen als de adviseur of beheerder dat met een reden vastlegt.',
      en: 'This neighbourhood already has a meeting of this kind in this council term. A second one needs the advisor or administrator to record a reason.',
    },
    meetingNotDraft: { nl: 'Dit overleg is geen concept (meer) en is dus al vastgelegd of afgezegd.', en: 'This meeting is not (or no longer) a draft: it has already been fixed or called off.' },
    meetingNotPlanned: { nl: 'Dit overleg is al gehouden of afgezegd en kan niet meer worden afgezegd.', en: 'This meeting has already been held or called off and cannot be called off any more.' },
    initiatorNotAllowed: {
      nl: 'Dit soort overleg organiseert {allowedNl}: die zorgt voor agenda, organisatie en verslag. Kies die als initiatiefnemer.',
      en: 'This kind of meeting is organised by {allowedEn}, who takes care of agenda, logistics and minutes. Choose that side as initiator.',
    },
    chairRequired: { nl: 'Kies een voorzitter; bij dit soort overleg ligt vast wie voorzit.', en: 'Choose a chair; for this kind of meeting it is fixed who chairs.' },
    chairNotNeighbourhoodPolicyAlderman: {
      nl: 'Dit overleg wordt voorgezeten door de wethouder met wijkbeleid in de portefeuille. Kies die wethouder als voorzitter.',
      en: 'The chair must be the alderman holding neighbourhood policy (wijkbeleid) in their portfolio. Choose that alderman.',
    },
    noNeighbourhoodPolicyPortfolio: {
      nl: 'Er is nog geen portefeuille wijkbeleid aangewezen, dus niemand kan als wethouder wijkbeleid voorzitten. Een beheerder kan die portefeuille aanwijzen.',
      en: 'No portfolio has been marked as neighbourhood policy yet, so nobody can chair as the neighbourhood-policy alderman. An administrator can mark that portfolio.',
    },
    chairNotSubjectAlderman: {
      nl: 'De voorzitter moet een wethouder zijn met een van de onderwerpen van de dossiers in de portefeuille.',
      en: 'The chair must be an alderman whose portfolio holds one of the subjects of the dossiers.',
    },
    chairNotCouncilMember: {
      nl: 'Het wijkorgaan zit dit overleg voor. Kies een lid van het wijkorgaan van deze wijk als voorzitter.',
      en: 'The neighbourhood council chairs this meeting. Choose a member of this neighbourhood’s council as chair.',
    },
    requiredGroupNotInvited: { nl: 'Nodig ook {groupNl} uit; die horen bij dit soort overleg.', en: 'Invite {groupEn} as well; they belong at this kind of meeting.' },
    publicPartNotAllowed: {
      nl: 'Dit soort overleg heeft geen apart openbaar deel: het is helemaal besloten of helemaal openbaar. Laat het openbare deel weg.',
      en: 'This kind of meeting has no separate public part: it is either closed or public as a whole. Leave out the public part.',
    },
    publicClosingPartRequired: {
      nl: 'Dit overleg sluit af met een openbaar deel waarin bewoners met de deelnemers in gesprek gaan. Vul tijd en plaats van dat deel in.',
      en: 'This meeting ends with a public part in which residents talk with the participants. Enter the time and place of that part.',
    },
    publicPartNotAtEnd: {
      nl: 'Het openbare deel hoort aan het eind: na het besloten deel, of hoogstens {minutes} minuten na afloop.',
      en: 'The public part comes at the end: after the closed part, or at most {minutes} minutes after it ends.',
    },
    publicPartNotBeforeOrAfter: {
      nl: 'Het openbare deel hoort vlak voor of vlak na het besloten overleg (hoogstens {minutes} minuten ertussen), niet midden erin.',
      en: 'The public part comes directly before or after the closed meeting (at most {minutes} minutes in between), not in the middle of it.',
    },
    dossierRequired: {
      nl: 'Dit overleg gaat over een of meer dossiers. Kies minstens één onderwerp.',
      en: 'This meeting is about one or more dossiers. Choose at least one subject.',
    },
    notInNeighbourhood: {
      nl: 'Dit overleg vindt in de wijk zelf plaats. Kies een plek in de wijk.',
      en: 'This meeting takes place in the neighbourhood itself. Choose a place in the neighbourhood.',
    },
  },
});
