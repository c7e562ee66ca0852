import { randomUUID } from 'node:crypto';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ObjectStorageSettings } from '../config.ts';
import type { Executor } from '../db/client.ts';
import { afterCommit, afterRollback } from '../db/transaction.ts';
import { DomainError } from './errors.ts';

/** What kind of upload a file is; part of its object key, so a bucket listing reads like the application. */
export type FileKind = 'request-attachment' | 'action-evidence' | 'report-photo';

/** Where a file's bytes are, as its row keeps it: in the row itself, or in the bucket under a key. */
export interface StoredFile {
  content: Buffer | null;
  storageKey: string | null;
}

/** A bucket of objects: the S3 calls Wijkwerk needs, nothing more. */
export interface ObjectStore {
  put(key: string, content: Buffer, mediaType: string): Promise<void>;
  /** Undefined when there is no such object. */
  get(key: string): Promise<Buffer | undefined>;
  /** Succeeds when the object is already gone. */
  delete(key: string): Promise<void>;
}

export interface FileStorageLog {
  warn(object: unknown, message: string): void;
  error(object: unknown, message: string): void;
}

/** How long a client is asked to wait before trying again when the bucket does not answer. */
const unavailableRetryAfterSeconds = 30;

/**
 * Where uploaded files live (docs/decisions/0015-files-in-object-storage.md). The use cases call it inside their
 * transaction: `store` before the row is inserted, `discard` when rows are deleted, `read` to serve the bytes.
 */
export interface FileStorage {
  readonly location: 'database' | 'object-storage';
  /** The bytes of a new file, placed; spread the answer into the row. With a bucket the object exists before the row commits. */
  store(tx: Executor, file: { municipalityId: string; kind: FileKind; content: Buffer; mediaType: string }): Promise<StoredFile>;
  /** The bytes of a stored file: from the row when it has them (files from before S3_URL was set), else from the bucket. */
  read(stored: StoredFile): Promise<Buffer | undefined>;
  /** The objects of rows this transaction deletes go once it commits; keys of null (bytes in the row) are skipped. */
  discard(tx: Executor, storageKeys: readonly (string | null)[]): void;
  /** Lets go of the connections to the bucket (when the server stops). */
  close(): void;
}

/** The default: the bytes stay in the row, so that a database backup holds everything. */
export const databaseFileStorage: FileStorage = {
  location: 'database',
  async store(_tx, file) {
    return { content: file.content, storageKey: null };
  },
  async read(stored) {
    if (stored.content) return stored.content;
    // A row written while S3_URL was set: its bytes are in a bucket this server no longer knows.
    if (stored.storageKey) throw new Error('this file is kept in object storage, but S3_URL is not set');
    return undefined;
  },
  discard() {},
  close() {},
};

/** Files in a bucket: the row keeps the metadata and the object's key, never the bytes. */
export function createObjectFileStorage(objects: ObjectStore & { close?(): void }, log: FileStorageLog): FileStorage {
  async function deleteQuietly(key: string, reason: string) {
    try {
      await objects.delete(key);
    } catch (error) {
      // The row is gone (or never came); a leftover object is only space, and the log says which one.
      log.warn({ err: error, storageKey: key, reason }, 'an uploaded file could not be deleted from object storage');
    }
  }

  /** The bucket unreachable or refusing (a wrong key, a missing bucket): the log says why, the client gets a 503. */
  async function orUnavailable<T>(storageKey: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      log.error({ err: error, storageKey }, 'object storage did not answer as expected');
      throw new DomainError('SERVICE_UNAVAILABLE', { headers: { 'retry-after': String(unavailableRetryAfterSeconds) } });
    }
  }

  return {
    location: 'object-storage',
    async store(tx, file) {
      // Never from the file's name or anything else a user sent: the tenant, the kind and a fresh id.
      const key = `${file.municipalityId}/${file.kind}/${randomUUID()}`;
      await orUnavailable(key, () => objects.put(key, file.content, file.mediaType));
      afterRollback(tx, () => deleteQuietly(key, 'rolled back'));
      return { content: null, storageKey: key };
    },
    async read(stored) {
      if (stored.content) return stored.content;
      const key = stored.storageKey;
      return key ? orUnavailable(key, () => objects.get(key)) : undefined;
    },
    discard(tx, storageKeys) {
      for (const key of storageKeys) if (key) afterCommit(tx, () => deleteQuietly(key, 'row deleted'));
    },
    close() {
      objects.close?.();
    },
  };
}

/** An S3-compatible bucket (AWS, MinIO, Ceph, Garage…) through the AWS SDK. */
export function createS3ObjectStore(settings: ObjectStorageSettings): ObjectStore & { close(): void } {
  const client = new S3Client({
    endpoint: settings.endpoint,
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
    // Checksums only where the operation requires one: several S3-compatible servers refuse the newer headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
  });
  const bucket = settings.bucket;
  return {
    async put(key, content, mediaType) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: content, ContentType: mediaType, ContentLength: content.length }));
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : undefined;
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },
    close() {
      client.destroy();
    },
  };
}

/** The storage S3_URL asks for: a bucket when it is set, otherwise PostgreSQL. */
export function createFileStorage(settings: ObjectStorageSettings | undefined, log: FileStorageLog): FileStorage {
  return settings ? createObjectFileStorage(createS3ObjectStore(settings), log) : databaseFileStorage;
}
