import { z } from 'zod';

/**
 * Bounds every value a contract accepts by what the database can hold, so that hostile or mistaken input
 * is a 400 naming the field instead of a database error (a 500) halfway through a use case.
 */

/** PostgreSQL `integer`: JavaScript's safe integers reach 2^53, the column only 2^31 − 1. */
export const int32Max = 2_147_483_647;

/** An integer in a JSON body that fits an `integer` column. */
export function int32() {
  return z.int32();
}

/**
 * Dates and moments a person could mean: PostgreSQL has no year 0 and JavaScript's Date ends in 275760,
 * and nothing in neighbourhood governance lies before 1900 or after 2200.
 */
export const earliestYear = 1900;
export const latestYear = 2200;
const dateRange = {
  message: 'field:dateOutOfRange',
  params: { earliest: `${earliestYear}-01-01`, latest: `${latestYear}-12-31` },
  // Only a well-formed date is checked for its range: one message per field.
  when: (payload: { issues: unknown[] }) => payload.issues.length === 0,
};
const withinYears = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= earliestYear && year <= latestYear;
};

/** A calendar date (YYYY-MM-DD) between 1900 and 2200. */
export function isoDate() {
  return z.iso.date().refine(withinYears, dateRange);
}

/** A moment with its offset (RFC 3339) between 1900 and 2200. */
export function isoDateTime() {
  return z.iso.datetime({ offset: true }).refine(withinYears, dateRange);
}

/**
 * For a PATCH body: at least one field to change besides the version read. An empty change would
 * otherwise be an error from the database or an audit entry for nothing.
 */
export function requireSomeChange<T extends z.ZodObject>(schema: T): T {
  return schema.refine((body: Record<string, unknown>) => Object.entries(body).some(([key, value]) => key !== 'version' && value !== undefined), {
    message: 'field:nothingToChange',
  }) as T;
}
