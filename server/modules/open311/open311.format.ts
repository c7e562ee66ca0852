/**
 * The shapes of Open311 GeoReport v2 answers, in JSON and XML. Pure: the routes hand in plain objects whose keys
 * are already the specification's field names.
 */
export type Open311Format = 'json' | 'xml';
type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

/** The element name of one item in a list, by the list's element name (the specification's XML). */
const itemNames: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
};

// Characters XML 1.0 does not allow at all (most control characters); they are dropped rather than escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to remove.
const forbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(forbidden, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function element(name: string, value: Value, indent: string): string {
  if (value === null || value === undefined) return `${indent}<${name}/>`;
  if (Array.isArray(value)) {
    const item = itemNames[name] ?? 'item';
    if (value.length === 0) return `${indent}<${name}/>`;
    return `${indent}<${name}>\n${value.map((entry) => element(item, entry, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
  }
  if (typeof value === 'object') {
    const children = Object.entries(value).map(([key, child]) => element(key, child, `${indent}  `));
    return `${indent}<${name}>\n${children.join('\n')}\n${indent}</${name}>`;
  }
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A list answer as XML: `<services><service>…</service></services>`. */
export function listAsXml(root: string, items: Value[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, items, '')}\n`;
}

/** A single object answer as XML (a service definition). */
export function objectAsXml(root: string, value: { [key: string]: Value }): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value, '')}\n`;
}

export interface Open311Error {
  code: number;
  description: string;
}

export function errorsAsXml(errors: Open311Error[]): string {
  return listAsXml('errors', errors as unknown as Value[]);
}

/** ISO 8601 with the Dutch offset, as the specification's examples give local time with an offset. */
export function open311DateTime(moment: Date): string {
  const offsetMinutes = -new Date(moment.toLocaleString('en-US', { timeZone: 'UTC' })).getTime() + new Date(moment.toLocaleString('en-US', { timeZone: 'Europe/Amsterdam' })).getTime();
  const offset = Math.round(offsetMinutes / 60_000);
  const local = new Date(moment.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${local}${sign}${hours}:${minutes}`;
}
