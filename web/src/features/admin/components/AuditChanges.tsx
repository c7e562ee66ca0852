import { useI18n } from '../../../i18n/i18n.tsx';
import type { AuditEntry } from '../admin-types.ts';
import { wordsFor } from './audit-words.ts';

type ReadableValue = AuditEntry['changes'][number]['after'];
const shownLines = 4;

/** Fields whose values the catalogue already has words for: "routed" → "Doorgezet". Request fields only where they are the request's. */
const valueCatalogues: Record<string, string> = { scale: 'scale', verdict: 'verdict', weight: 'weight', role: 'role', legalForm: 'legalForm' };
const requestValueCatalogues: Record<string, string> = { state: 'requestState', kind: 'requestKind' };

/** One value in words: names instead of ids, "ja"/"nee", dates as people read them. */
function useValueWords(entityType: string) {
  const { t, language } = useI18n();
  const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
  // A value the browser cannot read as a date is shown as it came: the page never fails on one entry.
  const dateOr = (moment: Date, format: () => string, raw: string) => (Number.isNaN(moment.getTime()) ? raw : format());
  return (value: ReadableValue, field: string): string => {
    if (value === null) return t('admin.auditLog.empty');
    switch (value.kind) {
      case 'text': {
        const catalogue = valueCatalogues[field] ?? (entityType === 'request' ? requestValueCatalogues[field] : undefined);
        const key = catalogue && `${catalogue}.${value.text}`;
        return key && t(key) !== key ? t(key) : `“${value.text}”`;
      }
      case 'number':
        return value.value.toLocaleString(locale);
      case 'yesNo':
        return value.value ? t('admin.auditLog.yes') : t('admin.auditLog.no');
      case 'moment':
        return dateOr(new Date(value.value), () => new Date(value.value).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }), value.value);
      case 'day':
        return dateOr(new Date(`${value.value}T12:00:00Z`), () => new Date(`${value.value}T12:00:00Z`).toLocaleDateString(locale, { dateStyle: 'long', timeZone: 'UTC' }), value.value);
      case 'reference':
        return value.name ?? t('admin.auditLog.unnamed');
      case 'list':
        return value.items.join(', ');
      case 'shape':
        return t('admin.auditLog.shape');
      default:
        return t('admin.auditLog.seeDetails');
    }
  };
}

/** What one audit entry changed, in words: "Leidende afdeling: leeg → Verkeer"; the raw record under "Technische details". */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const words = useValueWords(entry.entityType);
  const { changes } = entry;
  const line = (change: (typeof changes)[number]) => (
    <li key={change.field}>
      {wordsFor(t, 'admin.auditLog.field', change.field)}: {entry.isUpdate
        ? `${words(change.before, change.field)} → ${words(change.after, change.field)}`
        : change.after !== null
          ? words(change.after, change.field)
          : t('admin.auditLog.removedValue', { value: words(change.before, change.field) })}
    </li>
  );
  return (
    <div className="admin-changes">
      {changes.length === 0 ? <p>{t('admin.auditLog.noFields')}</p> : <ul>{changes.slice(0, shownLines).map(line)}</ul>}
      {changes.length > shownLines && (
        <details>
          <summary>{t('admin.auditLog.moreFields', { count: changes.length - shownLines })}</summary>
          <ul>{changes.slice(shownLines).map(line)}</ul>
        </details>
      )}
      <details>
        <summary>{t('admin.auditLog.technical')}</summary>
        <dl>
          <dt>{t('admin.auditLog.technical.action')}</dt>
          <dd>
            <code>{entry.action}</code>
          </dd>
          <dt>{t('admin.auditLog.technical.entity')}</dt>
          <dd>
            <code>
              {entry.entityType} {entry.entityId}
            </code>
          </dd>
          {entry.actorUserId && (
            <>
              <dt>{t('admin.auditLog.technical.actor')}</dt>
              <dd>
                <code>{entry.actorUserId}</code> ({entry.actorLabel})
              </dd>
            </>
          )}
          {entry.requestId && (
            <>
              <dt>{t('admin.auditLog.technical.request')}</dt>
              <dd>
                <code>{entry.requestId}</code>
              </dd>
            </>
          )}
        </dl>
        {entry.before != null && (
          <>
            <p>{t('admin.auditLog.before')}</p>
            <pre>{JSON.stringify(entry.before, null, 1)}</pre>
          </>
        )}
        {entry.after != null && (
          <>
            <p>{t('admin.auditLog.after')}</p>
            <pre>{JSON.stringify(entry.after, null, 1)}</pre>
          </>
        )}
      </details>
    </div>
  );
}
