import { DomainError, defineErrors } from '../../platform/errors.ts';

/** Fields are named as the request names them: a body field unless it says it is a query parameter. */
const located = (field: string) => (field.startsWith('query.') ? field : `body.${field}`);

/** An id in the body that is not this municipality's (or not of this plan): 400 on that field, nothing changed. */
export const unknownReference = (field: string) => new DomainError('VALIDATION_FAILED', { fields: [{ field: located(field), code: 'unknownReference' }] });

/** A field the rules refuse: 400 on that field, nothing changed. */
export const invalidField = (field: string, code: string) => new DomainError('VALIDATION_FAILED', { fields: [{ field: located(field), code }] });

/** Several refused fields at once. */
export const invalidFields = (problems: { field: string; code: string }[]) => new DomainError('VALIDATION_FAILED', { fields: problems.map((problem) => ({ ...problem, field: located(problem.field) })) });

/** What the SMART check says, per finding; also the field messages when adoption is refused. */
export const smartFindingMessages = {
  planWithoutActions: { nl: 'Het plan heeft nog geen acties. Voeg onder een opgave minstens één actie toe.', en: 'The plan has no actions yet. Add at least one action under a challenge.' },
  specificMissing: { nl: 'Beschrijf wat er precies gebeurt (Specifiek).', en: 'Describe what exactly will be done (Specific).' },
  indicatorMissing: { nl: 'Geef een indicator: waaraan zie je dat de actie werkt (Meetbaar)?', en: 'Give an indicator: how will you see that the action works (Measurable)?' },
  targetMissing: { nl: 'Geef een streefwaarde voor de indicator (Meetbaar).', en: 'Give a target value for the indicator (Measurable).' },
  unitMissing: { nl: 'Zeg in welke eenheid de streefwaarde is, bijvoorbeeld “meldingen per jaar” of “%”.', en: 'Say what unit the target is in, for example “reports a year” or “%”.' },
  ownerMissing: { nl: 'Kies wie de actie uitvoert: een afdeling, een partner of het wijkorgaan (Acceptabel).', en: 'Choose who carries out the action: a department, a partner or the council (Acceptable).' },
  deadlineMissing: { nl: 'Geef een einddatum (Tijdgebonden).', en: 'Give a deadline (Time-bound).' },
  deadlineOutsidePeriod: { nl: 'De einddatum valt buiten de looptijd van het plan. Kies een datum binnen de looptijd.', en: 'The deadline is outside the plan’s period. Choose a date within the period.' },
  startOutsidePeriod: { nl: 'De startdatum valt buiten de looptijd van het plan. Kies een datum binnen de looptijd.', en: 'The start date is outside the plan’s period. Choose a date within the period.' },
  deadlineBeforeStart: { nl: 'De einddatum ligt vóór de startdatum. Kies een einddatum na de start.', en: 'The deadline is before the start. Choose a deadline after the start.' },
  locationMissing: { nl: 'Zeg waar in de wijk de actie plaatsvindt, of dat ze de hele wijk betreft.', en: 'Say where in the neighbourhood the action takes place, or that it concerns the whole neighbourhood.' },
  baselineMissing: { nl: 'Geef de beginwaarde van de indicator, zodat de voortgang te zien is.', en: 'Give the indicator’s baseline, so progress can be seen.' },
  targetEqualsBaseline: { nl: 'De streefwaarde is gelijk aan de beginwaarde: wat moet er veranderen?', en: 'The target equals the baseline: what should change?' },
  ownerNotParticipant: { nl: 'De eigenaar zit niet aan de wijktafel. Nodig die partij uit of bevestig de afspraak buiten de tafel.', en: 'The owner does not take part in the wijktafel. Invite that party or confirm the agreement outside the meeting.' },
  contactMissing: { nl: 'Kies een contactpersoon bij de eigenaar.', en: 'Choose a contact person with the owner.' },
  notConfirmedOnTop: { nl: 'De eigenaar heeft nog niet bevestigd dat dit een inzet bovenop het reguliere werk is.', en: 'The owner has not yet confirmed that this is effort on top of regular work.' },
  resourcesMissing: { nl: 'Zeg wat de actie kost: geld, uren of waar het geld vandaan komt (Realistisch).', en: 'Say what the action takes: money, hours or where the money comes from (Realistic).' },
  challengeWithoutActions: { nl: 'Deze opgave heeft nog geen acties.', en: 'This challenge has no actions yet.' },
  challengeWithoutTheme: { nl: 'Kies minstens één thema voor deze opgave.', en: 'Choose at least one theme for this challenge.' },
} as const;

export const actionPlansErrors = defineErrors({
  codes: {
    ACTION_PLAN_STATE_FORBIDS: {
      status: 409,
      title: { nl: 'Kan nu niet bij dit wijkactieplan', en: 'Not possible for this action plan now' },
      detail: {
        nl: 'Dit kan niet in de huidige fase van het wijkactieplan ({stateNl}).',
        en: 'This is not possible in the action plan’s current phase ({stateEn}).',
      },
    },
    ACTION_PLAN_ADOPTED: {
      status: 409,
      title: { nl: 'Het wijkactieplan is vastgesteld', en: 'The action plan has been adopted' },
      detail: {
        nl: 'Een vastgestelde versie verandert niet meer. Open een nieuwe versie om opgaven en acties te wijzigen; die stelt de wijktafel daarna opnieuw vast.',
        en: 'An adopted version no longer changes. Open a new version to change challenges and actions; the wijktafel then adopts it again.',
      },
    },
    ACTION_PLAN_NOT_SMART: {
      status: 409,
      title: { nl: 'Het plan is nog niet SMART', en: 'The plan is not SMART yet' },
      detail: {
        nl: 'Vaststellen kan pas als de SMART-check geen fouten meer geeft en elke waarschuwing met een reden is geaccepteerd. Nog open: {count}.',
        en: 'The plan can be adopted once the SMART check shows no errors and every warning has been accepted with a reason. Still open: {count}.',
      },
    },
    ACTION_PLAN_NOT_INVITED: {
      status: 403,
      title: { nl: 'Niet uitgenodigd', en: 'Not invited' },
      detail: {
        nl: 'Je wijkorgaan, organisatie of afdeling is niet uitgenodigd om bij te dragen aan dit wijkactieplan. De adviseur wijkgericht werken kan jullie uitnodigen.',
        en: 'Your council, organisation or department has not been invited to contribute to this action plan. The neighbourhood advisor can invite you.',
      },
    },
    ACTION_NOT_OWNED: {
      status: 403,
      title: { nl: 'Niet jullie actie', en: 'Not your action' },
      detail: {
        nl: 'Alleen de eigenaar van deze actie (of de adviseur van de wijk) geeft de voortgang door.',
        en: 'Only the owner of this action (or the neighbourhood’s advisor) reports its progress.',
      },
    },
    TOO_MUCH_EVIDENCE: {
      status: 409,
      title: { nl: 'Genoeg bewijsstukken', en: 'Enough evidence' },
      detail: {
        nl: 'Bij dit voortgangsbericht horen al {maximum} bewijsstukken; meer kan niet. Verwijder er eerst een, of voeg het toe bij een nieuw voortgangsbericht.',
        en: 'This progress report already has {maximum} pieces of evidence; no more can be added. Remove one first, or add it to a new progress report.',
      },
    },
    CONTRIBUTION_ALREADY_HANDLED: {
      status: 409,
      title: { nl: 'Bijdrage al verwerkt', en: 'Contribution already handled' },
      detail: { nl: 'Deze bijdrage is al overgenomen, samengevoegd of afgewezen.', en: 'This contribution has already been taken over, merged or declined.' },
    },
  },
  fieldMessages: {
    ...smartFindingMessages,
    notAWijktafel: { nl: 'Een wijkactieplan hoort bij een wijktafel. Kies een geplande wijktafel in een wijk.', en: 'An action plan belongs to a wijktafel. Choose a planned wijktafel in a neighbourhood.' },
    planMeetingNotPlanned: { nl: 'Deze wijktafel is al gehouden of afgezegd. Kies een wijktafel die nog komt.', en: 'This wijktafel has already been held or called off. Choose a wijktafel still to come.' },
    planExistsForMeeting: { nl: 'Voor deze wijktafel bestaat al een wijkactieplan.', en: 'This wijktafel already has an action plan.' },
    contributionsDueAfterMeeting: { nl: 'Bijdragen moeten binnen zijn vóór de wijktafel. Kies een eerdere datum.', en: 'Contributions must be in before the wijktafel. Choose an earlier date.' },
    outsidePlanPeriod: { nl: 'Deze datum valt buiten de looptijd van het plan.', en: 'This date is outside the plan’s period.' },
    ownerIdRequired: { nl: 'Kies de afdeling, partner of het wijkorgaan dat de actie uitvoert.', en: 'Choose the department, partner or council that carries out the action.' },
    ownerNotCouncilOfNeighbourhood: { nl: 'Kies het wijkorgaan van deze wijk.', en: 'Choose this neighbourhood’s council.' },
    contactNotOfOwner: { nl: 'Deze contactpersoon hoort niet bij de gekozen eigenaar. Kies iemand van die afdeling, partner of dat wijkorgaan.', en: 'This contact does not belong to the chosen owner. Choose someone of that department, partner or council.' },
    challengeNotOfPlan: { nl: 'Deze opgave hoort niet bij dit plan.', en: 'This challenge does not belong to this plan.' },
    actionNotOfPlan: { nl: 'Deze actie hoort niet bij dit plan.', en: 'This action does not belong to this plan.' },
    dropReasonRequired: { nl: 'Zeg waarom de actie vervalt.', en: 'Say why the action is dropped.' },
    declineReasonRequired: { nl: 'Zeg waarom de bijdrage niet in het plan komt; de inzender leest het.', en: 'Say why the contribution is not taken into the plan; the contributor will read it.' },
    warningReasonRequired: { nl: 'Geef een reden waarom deze waarschuwing wordt geaccepteerd.', en: 'Give a reason why this warning is accepted.' },
    errorCannotBeAccepted: { nl: 'Een fout kan niet worden geaccepteerd; los haar op.', en: 'An error cannot be accepted; fix it.' },
    partyAlreadyInvited: { nl: 'Deze partij is al uitgenodigd.', en: 'This party has already been invited.' },
    changeLogRequired: { nl: 'Beschrijf wat er in deze versie verandert.', en: 'Describe what changes in this version.' },
    partyRequired: { nl: 'Kies namens welk wijkorgaan, welke organisatie of afdeling je bijdraagt.', en: 'Choose on behalf of which council, organisation or department you contribute.' },
  },
});
