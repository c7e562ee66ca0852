import { customType } from 'drizzle-orm/pg-core';

/** Raw bytes (uploaded files): kept in the database, so that a backup holds everything, unless S3_URL puts them in a bucket. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({ dataType: () => 'bytea', fromDriver: (value) => Buffer.from(value) });
