import { useI18n } from '../../../i18n/i18n.tsx';

type Fields = { [field: string]: unknown };

/** Bookkeeping that changes with every save and says nothing to a reader. */
const bookkeeping = new Set(['id', 'municipalityId', 'version', 'createdAt', 'updatedAt']);
const shownLines = 4;

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value in a few characters: long text and shapes (boundaries) are cut short; the full record is one click away. */
function compact(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = typeof value === 'string' ? `“${value}”` : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Fields worth reading: no bookkeeping, no empty values. */
function readableFields(record: Fields): string[] {
  return Object.keys(record).filter((key) => !bookkeeping.has(key) && record[key] !== null && record[key] !== '');
}

/** Before and after describe the same record (an update), not a record and a note about it (a deletion). */
function isUpdate(before: unknown, after: unknown): boolean {
  if (!isFields(before) || !isFields(after)) return false;
  const afterKeys = new Set(readableFields(after));
  return readableFields(before).some((key) => afterKeys.has(key));
}

/** The fields that differ between before and after; for a creation or deletion, the fields it had. */
export function changedFields(before: unknown, after: unknown): { field: string; before?: unknown; after?: unknown }[] {
  if (isUpdate(before, after)) {
    const left = before as Fields;
    const right = after as Fields;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys.filter((key) => !bookkeeping.has(key) && JSON.stringify(left[key]) !== JSON.stringify(right[key])).map((key) => ({ field: key, before: left[key], after: right[key] }));
  }
  return [after, before].filter(isFields).flatMap((record) => readableFields(record).map((key) => ({ field: key, after: record[key] })));
}

/** What one audit entry changed, compactly: a few lines "field: old → new", the full before/after on request. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useI18n();
  const changes = changedFields(before, after);
  const empty = t('admin.auditLog.empty');
  const isChange = isUpdate(before, after);
  if (changes.length === 0 && before == null && after == null) return <>{empty}</>;
  return (
    <div className="admin-changes">
      <ul>
        {changes.slice(0, shownLines).map((change) => (
          <li key={change.field}>
            <code>{change.field}</code>: {isChange ? `${compact(change.before, empty)} → ${compact(change.after, empty)}` : compact(change.after, empty)}
          </li>
        ))}
      </ul>
      {(changes.length > shownLines || isChange) && (
        <details>
          <summary>{changes.length > shownLines ? t('admin.auditLog.moreFields', { count: changes.length - shownLines }) : t('admin.auditLog.fullRecord')}</summary>
          {before != null && (
            <>
              <p>{t('admin.auditLog.before')}</p>
              <pre>{JSON.stringify(before, null, 1)}</pre>
            </>
          )}
          {after != null && (
            <>
              <p>{t('admin.auditLog.after')}</p>
              <pre>{JSON.stringify(after, null, 1)}</pre>
            </>
          )}
        </details>
      )}
    </div>
  );
}
