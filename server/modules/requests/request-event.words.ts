import type { Language } from '../../platform/language.ts';
import { readableDate } from '../notifications/index.ts';
import type { RequestEventKind } from './request-event.rules.ts';

// What happened, in one sentence of the reader's language, for the timeline: names and labels, never ids.

type Words = Record<Language, string>;

const plain: Record<RequestEventKind, Words> = {
  submitted: { nl: 'Ingediend', en: 'Submitted' },
  acknowledged: { nl: 'Ontvangst bevestigd', en: 'Receipt acknowledged' },
  routed: { nl: 'Doorgezet naar een afdeling', en: 'Routed to a department' },
  referred: { nl: 'Doorverwezen naar een front-linieteam', en: 'Referred to a front-line team' },
  referralUpdated: { nl: 'Voortgang van het front-linieteam', en: 'Progress of the front-line team' },
  answerProposed: { nl: 'Antwoord voorgesteld', en: 'Answer proposed' },
  answerReturned: { nl: 'Voorgesteld antwoord teruggestuurd', en: 'Proposed answer returned' },
  answered: { nl: 'Beantwoord', en: 'Answered' },
  verdictChanged: { nl: 'Antwoord gewijzigd', en: 'Answer changed' },
  updated: { nl: 'Voortgangsbericht', en: 'Progress update' },
  carriedOut: { nl: 'Uitgevoerd', en: 'Carried out' },
  advicePosition: { nl: 'Standpunt over het advies', en: 'Position on the advice' },
  formalInspraakChanged: { nl: 'Formele inspraak aangegeven', en: 'Formal inspraak recorded' },
  closed: { nl: 'Afgesloten', en: 'Closed' },
  reopened: { nl: 'Heropend', en: 'Reopened' },
  markedDuplicate: { nl: 'Samengevoegd met een eerdere vraag', en: 'Merged with an earlier request' },
  linked: { nl: 'Gekoppeld aan een andere vraag', en: 'Linked to another request' },
  unlinked: { nl: 'Koppeling met een andere vraag verwijderd', en: 'Link to another request removed' },
  message: { nl: 'Bericht', en: 'Message' },
  note: { nl: 'Interne notitie', en: 'Internal note' },
  attachmentAdded: { nl: 'Bijlage toegevoegd', en: 'Attachment added' },
  attachmentRemoved: { nl: 'Bijlage verwijderd', en: 'Attachment removed' },
};

const positions: Record<string, Words> = {
  follows: { nl: 'De gemeente volgt het advies', en: 'The municipality follows the advice' },
  follows_partly: { nl: 'De gemeente volgt het advies gedeeltelijk', en: 'The municipality follows the advice in part' },
  deviates: { nl: 'De gemeente wijkt af van het advies', en: 'The municipality deviates from the advice' },
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function routedWords(data: Record<string, unknown>, language: Language): string | null {
  // Routed before departments had English names: the Dutch names serve both languages.
  const english = language === 'en' && text(data.leadDepartmentNameEn) !== null;
  const department = text(english ? data.leadDepartmentNameEn : data.leadDepartmentName);
  if (!department) return null;
  const officer = text(data.leadOfficerName);
  const names = english ? data.contributingDepartmentNamesEn : data.contributingDepartmentNames;
  const contributing = Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string') : [];
  const list = contributing.join(', ');
  if (language === 'en') return `Routed to ${department}${officer ? `, handled by ${officer}` : ''}${list ? `; contributing: ${list}` : ''}`;
  return `Doorgezet naar ${department}${officer ? `, behandelaar ${officer}` : ''}${list ? `; meewerkend: ${list}` : ''}`;
}

/** "Doorgezet naar Verkeer, behandelaar Koen Verhoeven; meewerkend: Groen" and the like. */
export function describeEvent(event: { kind: string; data: unknown }, language: Language): string {
  const kind = event.kind as RequestEventKind;
  const data = event.data && typeof event.data === 'object' ? (event.data as Record<string, unknown>) : {};
  const fallback = plain[kind]?.[language] ?? event.kind;
  const nl = language === 'nl';
  switch (kind) {
    case 'routed':
      return routedWords(data, language) ?? fallback;
    case 'answered':
      if (data.reviewed) return nl ? 'Voorgesteld antwoord goedgekeurd en verstuurd' : 'Proposed answer approved and sent';
      return text(data.verdict) ? `${fallback}: ${data.verdict}` : fallback;
    case 'answerProposed':
      return text(data.verdict) ? `${fallback}: ${data.verdict}` : fallback;
    case 'verdictChanged':
      return text(data.from) && text(data.to) ? (nl ? `Antwoord gewijzigd van ${data.from} naar ${data.to}` : `Answer changed from ${data.from} to ${data.to}`) : fallback;
    case 'carriedOut':
      return text(data.carriedOutOn) ? (nl ? `Uitgevoerd op ${readableDate(String(data.carriedOutOn), 'nl')}` : `Carried out on ${readableDate(String(data.carriedOutOn), 'en')}`) : fallback;
    case 'advicePosition':
      return positions[String(data.position)]?.[language] ?? fallback;
    case 'referralUpdated':
      if (data.state === 'pickedUp') return nl ? 'Het front-linieteam heeft het opgepakt' : 'The front-line team took it on';
      if (data.state === 'fedBack') return nl ? 'Het front-linieteam heeft teruggekoppeld' : 'The front-line team reported back';
      return fallback;
    case 'formalInspraakChanged':
      return data.isFormalInspraak === false ? (nl ? 'Geen formele inspraak meer' : 'No longer formal inspraak') : fallback;
    default:
      return fallback;
  }
}
