// How an audit entry reads for a person: which record it is about, what changed, and which ids need a name.
// Pure: the names themselves come from the repository, one query per kind of record.

/** Kinds of record whose ids the audit log can turn into names. */
export const namedEntityTypes = ['user', 'request', 'advice_request', 'neighbourhood', 'area', 'council', 'department', 'partner_organisation', 'theme', 'portfolio', 'council_term', 'meeting_kind', 'meeting', 'meeting_follow_up', 'blackout_period', 'blocked_period', 'api_token', 'municipality', 'notification', 'calendar_feed', 'action_plan', 'action_plan_challenge', 'action_plan_action', 'action_plan_contribution'] as const;
export type NamedEntityType = (typeof namedEntityTypes)[number];

const isNamedEntityType = (value: string): value is NamedEntityType => (namedEntityTypes as readonly string[]).includes(value);

/** Which kind of record a field refers to, by the field's name. */
const referenceFields: Record<string, NamedEntityType> = {
  neighbourhoodId: 'neighbourhood',
  areaId: 'area',
  councilId: 'council',
  councilIds: 'council',
  themeId: 'theme',
  themeIds: 'theme',
  departmentId: 'department',
  leadDepartmentId: 'department',
  contributingDepartmentIds: 'department',
  partnerOrganisationId: 'partner_organisation',
  portfolioId: 'portfolio',
  councilTermId: 'council_term',
  adviceRequestId: 'advice_request',
  apiTokenId: 'api_token',
};

export function referredEntityType(field: string): NamedEntityType | undefined {
  if (field in referenceFields) return referenceFields[field];
  if (/^(u|.*U)serIds?$/.test(field)) return 'user';
  if (/^(r|.*R)equestIds?$/.test(field) && field !== 'erasureRequestId') return 'request';
  return undefined;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): boolean => typeof value === "string" && uuidPattern.test(value);

/** One value as a person reads it; the web app puts it into words in the reader's language. */
export type ReadableValue =
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'yesNo'; value: boolean }
  | { kind: 'moment'; value: string }
  | { kind: 'day'; value: string }
  | { kind: 'reference'; name: string | null }
  | { kind: 'list'; items: string[] }
  | { kind: 'shape' }
  | { kind: 'details' };

export interface ReadableChange {
  field: string;
  before: ReadableValue | null;
  after: ReadableValue | null;
}

/** Bookkeeping that changes with every save and says nothing to a reader. */
const bookkeeping = new Set(['id', 'municipalityId', 'version', 'createdAt', 'updatedAt', 'searchVector']);
const shortText = 80;

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A name for a record: `lookup` answers with the stored name or undefined when the record is gone. */
export type NameLookup = (type: NamedEntityType, id: string) => string | undefined;

/** Every id in an entry that should be shown as a name, by kind of record. */
export function referencesIn(entry: { entityType: string; entityId: string; actorUserId: string | null; before: unknown; after: unknown }): [NamedEntityType, string][] {
  const found: [NamedEntityType, string][] = [];
  if (entry.actorUserId) found.push(['user', entry.actorUserId]);
  if (isNamedEntityType(entry.entityType) && isUuid(entry.entityId)) found.push([entry.entityType, entry.entityId]);
  for (const side of [entry.before, entry.after]) {
    if (!isFields(side)) continue;
    for (const [field, value] of Object.entries(side)) {
      const type = referredEntityType(field);
      if (!type) continue;
      for (const item of Array.isArray(value) ? value : [value]) if (isUuid(item)) found.push([type, String(item)]);
    }
  }
  return found;
}

function readableValue(field: string, value: unknown, lookup: NameLookup): ReadableValue | null {
  if (isEmpty(value)) return null;
  const type = referredEntityType(field);
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string' || typeof item === 'number')) {
      return { kind: 'list', items: value.map((item) => (type && isUuid(item) ? (lookup(type, String(item)) ?? '?') : String(item))) };
    }
    return { kind: 'details' };
  }
  if (typeof value === 'boolean') return { kind: 'yesNo', value };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') {
    // An id is never shown as itself: its name, or "see the technical details" when it has none (or is gone).
    if (isUuid(value)) return { kind: 'reference', name: type ? (lookup(type, value) ?? null) : null };
    if (/^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDay(value)) return { kind: 'day', value };
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return { kind: 'moment', value: new Date(value).toISOString() };
    return { kind: 'text', text: value.length > shortText ? `${value.slice(0, shortText - 1)}…` : value };
  }
  if (isFields(value) && typeof value.type === 'string' && ('coordinates' in value || 'geometries' in value)) return { kind: 'shape' };
  return { kind: 'details' };
}

/** "2026-02-30" looks like a day but is none. */
function isCalendarDay(value: string): boolean {
  const moment = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(moment.getTime()) && moment.toISOString().startsWith(value);
}

/** Before and after describe the same record (an update), not a record and a note about it. */
export function isUpdate(before: unknown, after: unknown): boolean {
  if (!isFields(before) || !isFields(after)) return false;
  const afterKeys = new Set(Object.keys(after).filter((key) => !bookkeeping.has(key)));
  return Object.keys(before).some((key) => !bookkeeping.has(key) && afterKeys.has(key));
}

/** An id of something without a name (a session, a second factor): only in the technical details. */
const isTechnicalId = (field: string, value: unknown) => isUuid(value) && !referredEntityType(field);

/** What changed, field by field, with ids as names: for an update old → new, for a creation or deletion the fields it had. */
export function readableChanges(before: unknown, after: unknown, lookup: NameLookup): ReadableChange[] {
  if (isUpdate(before, after)) {
    const left = before as Fields;
    const right = after as Fields;
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
    return keys
      .filter((key) => !bookkeeping.has(key) && JSON.stringify(left[key]) !== JSON.stringify(right[key]) && !isTechnicalId(key, left[key] ?? right[key]))
      .map((key) => ({ field: key, before: readableValue(key, left[key], lookup), after: readableValue(key, right[key], lookup) }));
  }
  const changes: ReadableChange[] = [];
  if (isFields(before)) for (const [key, value] of Object.entries(before)) if (!bookkeeping.has(key) && !isEmpty(value) && !isTechnicalId(key, value)) changes.push({ field: key, before: readableValue(key, value, lookup), after: null });
  if (isFields(after)) for (const [key, value] of Object.entries(after)) if (!bookkeeping.has(key) && !isEmpty(value) && !isTechnicalId(key, value)) changes.push({ field: key, before: null, after: readableValue(key, value, lookup) });
  return changes;
}

/** The record's own name as the entry itself recorded it: for a record that has since been deleted. */
export function nameInSnapshot(before: unknown, after: unknown): string | undefined {
  for (const side of [after, before]) {
    if (!isFields(side)) continue;
    const name = side.name ?? side.displayName ?? side.title ?? side.nameNl;
    if (typeof name === 'string' && name !== '') return name;
  }
  return undefined;
}
