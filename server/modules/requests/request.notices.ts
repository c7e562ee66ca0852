import { type Notice, readableDate } from '../notifications/index.ts';

// What the requests module tells people, in Dutch and English; each recipient reads it in their own language.
// Subjects start with the request's title's context so a list of notifications reads well. People on the
// submitter's side are addressed with "je", as in the app.

type Titled = { title: string };
const date = readableDate;

const verdictWord = { nu: 'nu', ooit: 'ooit', nooit: 'nooit' } as const;
const decidingBody = {
  college: { nl: 'het college', en: 'the college' },
  municipalCouncil: { nl: 'de gemeenteraad', en: 'the municipal council' },
  department: { nl: 'de afdeling', en: 'the department' },
} as const;
const positionText = {
  follows: { nl: 'De gemeente volgt het advies.', en: 'The municipality follows the advice.' },
  follows_partly: { nl: 'De gemeente volgt het advies gedeeltelijk.', en: 'The municipality follows the advice in part.' },
  deviates: { nl: 'De gemeente wijkt af van het advies.', en: 'The municipality deviates from the advice.' },
} as const;

export const requestNotices = {
  submitted: (row: Titled & { acknowledgeBy: string; answerBy: string }): Notice => ({
    nl: { subject: `Nieuw: ${row.title}`, body: `Ontvangst bevestigen vóór ${date(row.acknowledgeBy, 'nl')}; antwoord uiterlijk ${date(row.answerBy, 'nl')}.` },
    en: { subject: `New: ${row.title}`, body: `Acknowledge by ${date(row.acknowledgeBy, 'en')}; answer by ${date(row.answerBy, 'en')} at the latest.` },
  }),
  received: (row: Titled & { reference: string; acknowledgeBy: string; answerBy: string }): Notice => ({
    nl: {
      subject: `Verstuurd: ${row.title} (${row.reference})`,
      body: [
        `We hebben je vraag ontvangen. Het kenmerk is ${row.reference}; noem dat als je contact met ons opneemt.`,
        `Wat er nu gebeurt: de adviseur wijkgericht werken leest je vraag, bevestigt uiterlijk ${readableDate(row.acknowledgeBy, 'nl')} dat hij in behandeling is en zet hem door naar de juiste afdeling. Je krijgt uiterlijk ${readableDate(row.answerBy, 'nl')} antwoord.`,
        'Op de pagina van je vraag volg je wat ermee gebeurt:',
      ].join('\n\n'),
    },
    en: {
      subject: `Sent: ${row.title} (${row.reference})`,
      body: [
        `We have received your request. Its reference is ${row.reference}; please mention it when you contact us.`,
        `What happens next: the neighbourhood advisor reads your request, confirms by ${readableDate(row.acknowledgeBy, 'en')} that it is being handled and passes it on to the right department. You will get an answer by ${readableDate(row.answerBy, 'en')} at the latest.`,
        'Follow what happens on the page of your request:',
      ].join('\n\n'),
    },
  }),
  /** For someone following a public request that is not theirs. */
  followedUpdate: (row: Titled): Notice => ({
    nl: { subject: `Nieuws over: ${row.title}`, body: 'Er is nieuws over een openbare vraag die je volgt. Op de pagina van de vraag lees je wat er veranderd is.' },
    en: { subject: `News about: ${row.title}`, body: 'There is news about a public request you follow. The request page says what changed.' },
  }),
  acknowledged: (row: Titled & { answerBy: string }): Notice => ({
    nl: { subject: `Ontvangen: ${row.title}`, body: `Je vraag is in behandeling genomen. Je krijgt uiterlijk ${readableDate(row.answerBy, 'nl')} antwoord.` },
    en: { subject: `Received: ${row.title}`, body: `Your request is being handled. You will get an answer by ${readableDate(row.answerBy, 'en')} at the latest.` },
  }),
  routed: (row: Titled & { answerBy: string }): Notice => ({
    nl: { subject: `Te beantwoorden: ${row.title}`, body: `Antwoord uiterlijk ${date(row.answerBy, 'nl')}.` },
    en: { subject: `To answer: ${row.title}`, body: `Answer by ${date(row.answerBy, 'en')} at the latest.` },
  }),
  contributing: (row: Titled & { answerBy: string }, leadDepartment: string | null): Notice => ({
    nl: { subject: `Meewerken aan: ${row.title}`, body: `Je afdeling werkt mee aan deze vraag${leadDepartment ? `; ${leadDepartment} beantwoordt hem` : ''}. Antwoord uiterlijk ${readableDate(row.answerBy, 'nl')}.` },
    en: { subject: `Contributing to: ${row.title}`, body: `Your department contributes to this request${leadDepartment ? `; ${leadDepartment} answers it` : ''}. Answer by ${readableDate(row.answerBy, 'en')}.` },
  }),
  markedDuplicate: (row: Titled): Notice => ({
    nl: { subject: `Samengevoegd: ${row.title}`, body: 'Je vraag gaat over hetzelfde als een eerdere vraag. Het antwoord volgt bij die vraag; je vindt de verwijzing op de pagina van je vraag.' },
    en: { subject: `Merged: ${row.title}`, body: 'Your request is about the same as an earlier one. The answer follows there; the page of your request links to it.' },
  }),
  reopened: (row: Titled, reason: string): Notice => ({
    nl: { subject: `Heropend: ${row.title}`, body: reason },
    en: { subject: `Reopened: ${row.title}`, body: reason },
  }),
  attachment: (row: Titled, fileName: string): Notice => ({
    nl: { subject: `Bijlage bij: ${row.title}`, body: fileName },
    en: { subject: `Attachment to: ${row.title}`, body: fileName },
  }),
  message: (row: Titled, text: string): Notice => ({
    nl: { subject: `Bericht over: ${row.title}`, body: text },
    en: { subject: `Message about: ${row.title}`, body: text },
  }),
  answered: (row: Titled, verdict: keyof typeof verdictWord, motivation: string): Notice => ({
    nl: { subject: `Antwoord (${verdictWord[verdict]}): ${row.title}`, body: motivation },
    en: { subject: `Answer (${verdictWord[verdict]}): ${row.title}`, body: motivation },
  }),
  verdictChanged: (row: Titled, verdict: keyof typeof verdictWord, motivation: string): Notice => ({
    nl: { subject: `Antwoord gewijzigd (ooit → ${verdictWord[verdict]}): ${row.title}`, body: motivation },
    en: { subject: `Answer changed (ooit → ${verdictWord[verdict]}): ${row.title}`, body: motivation },
  }),
  proposed: (row: Titled, verdict: keyof typeof verdictWord, proposer: string | undefined): Notice => ({
    nl: { subject: `Ter beoordeling: ${row.title}`, body: `Voorgesteld antwoord (${verdictWord[verdict]}) van ${proposer ?? 'een medewerker'}.` },
    en: { subject: `For review: ${row.title}`, body: `Proposed answer (${verdictWord[verdict]}) by ${proposer ?? 'a colleague'}.` },
  }),
  returned: (row: Titled, comment: string): Notice => ({
    nl: { subject: `Teruggestuurd: ${row.title}`, body: comment },
    en: { subject: `Returned: ${row.title}`, body: comment },
  }),
  progress: (row: Titled, text: string): Notice => ({
    nl: { subject: `Voortgang: ${row.title}`, body: text },
    en: { subject: `Progress: ${row.title}`, body: text },
  }),
  carriedOut: (row: Titled, carriedOutOn: string, text: string | null | undefined): Notice => ({
    nl: { subject: `Uitgevoerd: ${row.title}`, body: text || `Wat wij toezegden is uitgevoerd op ${date(carriedOutOn, 'nl')}.` },
    en: { subject: `Carried out: ${row.title}`, body: text || `What we promised was carried out on ${date(carriedOutOn, 'en')}.` },
  }),
  advicePosition: (row: Titled, position: keyof typeof positionText, body: keyof typeof decidingBody | null, motivation: string): Notice => ({
    nl: { subject: `Standpunt over jullie advies: ${row.title}`, body: [positionText[position].nl, body ? `Besloten door ${decidingBody[body].nl}.` : '', motivation].filter(Boolean).join('\n\n') },
    en: { subject: `Position on your advice: ${row.title}`, body: [positionText[position].en, body ? `Decided by ${decidingBody[body].en}.` : '', motivation].filter(Boolean).join('\n\n') },
  }),
  overdue: (row: Titled & { state: string; acknowledgeBy: string; answerBy: string }, today: string): Notice => {
    const isAcknowledgementLate = row.state === 'submitted' && row.acknowledgeBy < today;
    return {
      nl: {
        subject: `Over de termijn: ${row.title}`,
        body: `Deze vraag is over de termijn: ${isAcknowledgementLate ? `de ontvangst had bevestigd moeten zijn op ${date(row.acknowledgeBy, 'nl')}` : `het antwoord was beloofd vóór ${date(row.answerBy, 'nl')}`}.`,
      },
      en: {
        subject: `Past the deadline: ${row.title}`,
        body: `This request is past its deadline: ${isAcknowledgementLate ? `receipt should have been acknowledged on ${date(row.acknowledgeBy, 'en')}` : `the answer was promised before ${date(row.answerBy, 'en')}`}.`,
      },
    };
  },
  updateDue: (row: Titled, dueOn: string, isLate: boolean): Notice => ({
    nl: { subject: `Voortgangsbericht: ${row.title}`, body: `Het volgende voortgangsbericht voor deze “ooit” ${isLate ? 'was' : 'is'} verwacht op ${date(dueOn, 'nl')}. De indieners zien de datum.` },
    en: { subject: `Progress update: ${row.title}`, body: `The next progress update for this “ooit” ${isLate ? 'was' : 'is'} due on ${date(dueOn, 'en')}. The submitters see the date.` },
  }),
  decisionDue: (row: Titled, decisionDueOn: string, isPast: boolean): Notice =>
    isPast
      ? {
          nl: { subject: `Besluitdatum verstreken: ${row.title}`, body: `Op ${date(decisionDueOn, 'nl')} was een definitief antwoord beloofd. Verander de “ooit” in een “nu” of “nooit”, of laat de indieners in een voortgangsbericht weten waarom het later wordt.` },
          en: { subject: `Decision date passed: ${row.title}`, body: `A definite answer was promised on ${date(decisionDueOn, 'en')}. Change the “ooit” into a “nu” or “nooit”, or tell the submitters in a progress update why it takes longer.` },
        }
      : {
          nl: { subject: `Besluit nadert: ${row.title}`, body: `Op ${date(decisionDueOn, 'nl')} is een definitief antwoord beloofd: verander de “ooit” dan in een “nu” of “nooit”.` },
          en: { subject: `Decision due: ${row.title}`, body: `A definite answer is promised on ${date(decisionDueOn, 'en')}: change the “ooit” into a “nu” or “nooit” by then.` },
        },
  adviceRequested: (row: Titled & { dueOn: string; isFormalInspraak: boolean }): Notice => ({
    nl: { subject: `Adviesaanvraag: ${row.title}`, body: `De gemeente vraagt je wijkorgaan om advies, uiterlijk ${date(row.dueOn, 'nl')}.${row.isFormalInspraak ? ' Dit is een formele inspraakprocedure.' : ''}` },
    en: { subject: `Request for advice: ${row.title}`, body: `The municipality asks your council for advice by ${date(row.dueOn, 'en')}.${row.isFormalInspraak ? ' This is a formal inspraak procedure.' : ''}` },
  }),
};
