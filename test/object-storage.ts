import { mkdtemp, rm } from 'node:fs/promises';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { freePort } from './free-port.ts';

export interface LocalBucket {
  /** S3_URL for the app under test. */
  url: string;
  /** Every object key in the bucket, sorted, as the S3 API lists them. */
  keys(): Promise<string[]>;
  /** One object's bytes, read back over the S3 API. */
  bytesOf(key: string): Promise<Buffer>;
  close(): Promise<void>;
}

const bucket = 'wijkwerk-files';

/**
 * A real S3-compatible server (s3rver) on a free port, its objects in a folder of its own under /tmp: the bucket
 * S3_URL points at in the object-storage tests. Path-style, plain http, any key and secret.
 */
export async function startLocalBucket(): Promise<LocalBucket> {
  const directory = await mkdtemp('/tmp/s3-bucket-');
  const port = await freePort();
  const server = new S3rver({ address: '127.0.0.1', port, silent: true, directory, configureBuckets: [{ name: bucket }] });
  await server.run();
  const client = new S3Client({ endpoint: `http://127.0.0.1:${port}`, region: 'eu-west-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  return {
    url: `http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}?region=eu-west-1`,
    async keys() {
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }));
      return (listed.Contents ?? []).map((object) => object.Key ?? '').sort();
    },
    async bytesOf(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(await answer.Body!.transformToByteArray());
    },
    async close() {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
