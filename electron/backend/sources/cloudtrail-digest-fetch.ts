import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/errors.js';
import { parseDigest, type DigestFile } from './cloudtrail-digest.js';
import { classifyS3Error, type S3ClientOptions } from './s3-client.js';
import { dayPrefixes, keyInRange, type TimeRange } from './s3-keys.js';
import { listObjects } from './s3-list.js';

/** Lists and reads the digest files of one `CloudTrail-Digest/<region>/` folder. */

/** Digests are a few KB to a few MB (one line per log file of the hour); anything far larger is not a digest. */
const MAX_DIGEST_BYTES = 64 * 1024 * 1024;

export interface DigestFetchContext {
  client: S3Client;
  clientOptions: S3ClientOptions;
  bucket: string;
  signal?: AbortSignal;
  concurrency: number;
}

export interface FetchedDigests {
  digests: DigestFile[];
  failed: { key: string; error: string }[];
}

/** Digest keys of a folder in the range (only the day folders the range needs, when it is bounded). */
export async function listDigestKeys(ctx: DigestFetchContext, folder: string, range: TimeRange): Promise<string[]> {
  const targets = (range.since !== null && range.until !== null ? dayPrefixes(folder, folder, range) : null) ?? [folder];
  const keys: string[] = [];
  try {
    for (const prefix of targets) {
      for await (const page of listObjects({ client: ctx.client, bucket: ctx.bucket, signal: ctx.signal }, { prefix })) {
        for (const o of page) if (o.key.endsWith('.json.gz') && keyInRange(o.key, range)) keys.push(o.key);
      }
    }
  } catch (err) {
    throw classifyS3Error(err, ctx.bucket, ctx.clientOptions);
  }
  return keys;
}

export async function fetchDigests(ctx: DigestFetchContext, keys: string[]): Promise<FetchedDigests> {
  const digests: DigestFile[] = [];
  const failed: { key: string; error: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < keys.length && !ctx.signal?.aborted) {
      const key = keys[next++];
      try {
        digests.push(await fetchDigest(ctx, key));
      } catch (err) {
        if (ctx.signal?.aborted) return;
        const e = err instanceof AppError ? err : classifyS3Error(err, ctx.bucket, ctx.clientOptions, key);
        failed.push({ key, error: e.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, ctx.concurrency) }, worker));
  return { digests, failed };
}

async function fetchDigest(ctx: DigestFetchContext, key: string): Promise<DigestFile> {
  const out = await ctx.client.send(new GetObjectCommand({ Bucket: ctx.bucket, Key: key }), { abortSignal: ctx.signal });
  if ((out.ContentLength ?? 0) > MAX_DIGEST_BYTES) {
    throw new AppError('SOURCE_FORMAT', `s3://${ctx.bucket}/${key} is ${out.ContentLength} bytes: too large for a digest file`);
  }
  const bytes = Buffer.from((await out.Body?.transformToByteArray()) ?? []);
  let content: Buffer;
  try {
    content = bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes, { maxOutputLength: MAX_DIGEST_BYTES * 4 }) : bytes;
  } catch (err) {
    throw new AppError('SOURCE_FORMAT', `s3://${ctx.bucket}/${key} is not readable gzip: ${(err as Error).message}`);
  }
  return parseDigest(ctx.bucket, key, content, out.Metadata ?? {});
}
