// Codes of the audit log and the security events in words: from the catalogue when it has them, otherwise the
// code itself made readable ("secondFactor.reset" → "Second factor reset"), so a new code never breaks the page.

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** "request.attachment.add" → "Request attachment add"; "lead_officer" → "Lead officer". */
export function readableCode(code: string): string {
  const words = code
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[._\s-]+/)
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : code;
}

/** The catalogue's text for `prefix.code`, or the readable code. */
export function wordsFor(t: Translate, prefix: string, code: string): string {
  const key = `${prefix}.${code}`;
  const text = t(key);
  return text === key ? readableCode(code) : text;
}

/** What an audit action did, as a sentence: its own text, "{Record} created/changed/deleted", or the readable code. */
export function actionSentence(t: Translate, action: string, entityType: string): string {
  const key = `admin.auditLog.do.${action}`;
  const text = t(key);
  if (text !== key) return text;
  const verb = /\.(create|update|delete|import)$/.exec(action)?.[1];
  if (verb) return t(`admin.auditLog.verb.${verb}`, { entity: wordsFor(t, 'admin.auditLog.entity', entityType) });
  return readableCode(action);
}

/** "2 december 2026 om 14:05" / "2 December 2026 at 14:05": a moment as people read it, on the Dutch clock. */
export function momentInWords(value: string, language: 'nl' | 'en'): string {
  if (Number.isNaN(Date.parse(value))) return value;
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(value));
}
