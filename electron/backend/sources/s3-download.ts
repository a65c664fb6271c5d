import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ContentHasher } from './content-hash.js';
import type { ErrorCode } from '../../../shared/errors.js';

/**
 * Downloads one object to a temp file, streamed (an object is never held in memory), hashing while it streams:
 * SHA-256 for provenance, MD5 to check the bytes against a single-part ETag so a cut or corrupted transfer is caught
 * before anything is imported from it.
 */

export interface DownloadedObject {
  file: string;
  bytes: number;
  sha256: string;
  /** SHA-256 of the decompressed content for gzip objects (what CloudTrail digests list), of the bytes otherwise. */
  contentSha256: string | null;
  /** ETag of the version actually downloaded (it can differ from the listing if the object changed since). */
  etag: string;
  versionId: string | null;
  lastModified: string | null;
}

/** The transfer went wrong after S3 accepted the request: cut short, or bytes that do not match the ETag. */
export class DownloadIntegrityError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = 'SOURCE_FORMAT',
  ) {
    super(message);
    this.name = 'DownloadIntegrityError';
  }
}

/**
 * A plain single-part ETag is the MD5 of the bytes, unless the object is encrypted with SSE-KMS or SSE-C, or was a
 * multipart upload (`-<parts>` suffix). Only then is it a checksum we may hold the download to.
 */
function md5FromEtag(etag: string, sse: string | undefined, sseCustomer: string | undefined): string | null {
  const m = /^"?([0-9a-f]{32})"?$/i.exec(etag);
  if (!m || sseCustomer || (sse && sse.startsWith('aws:kms'))) return null;
  return m[1].toLowerCase();
}

export async function downloadObject(
  client: S3Client,
  bucket: string,
  key: string,
  file: string,
  opts: { signal?: AbortSignal; onBytes?: (delta: number) => void; hashContent?: boolean },
): Promise<DownloadedObject> {
  const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: opts.signal });
  if (!out.Body) throw new DownloadIntegrityError(`S3 returned no body for s3://${bucket}/${key}`);
  const sha = createHash('sha256');
  const md5 = createHash('md5');
  const content = opts.hashContent ? new ContentHasher() : null;
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      sha.update(chunk);
      content?.write(chunk);
      md5.update(chunk);
      bytes += chunk.length;
      opts.onBytes?.(chunk.length);
      done(null, chunk);
    },
  });
  try {
    await pipeline(out.Body as Readable, tap, fs.createWriteStream(file), { signal: opts.signal });
  } catch (err) {
    fs.rmSync(file, { force: true });
    if (opts.signal?.aborted) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new DownloadIntegrityError(
      `connection dropped mid-object after ${bytes} of ${out.ContentLength ?? '?'} bytes (${code})`,
      'SOURCE_UNREACHABLE',
    );
  }
  const etag = out.ETag ?? '';
  const expectedLength = out.ContentLength;
  if (expectedLength !== undefined && expectedLength !== bytes) {
    fs.rmSync(file, { force: true });
    throw new DownloadIntegrityError(`connection dropped mid-object: got ${bytes} of ${expectedLength} bytes`, 'SOURCE_UNREACHABLE');
  }
  const expectedMd5 = md5FromEtag(etag, out.ServerSideEncryption, out.SSECustomerAlgorithm);
  const actualMd5 = md5.digest('hex');
  if (expectedMd5 && expectedMd5 !== actualMd5) {
    fs.rmSync(file, { force: true });
    throw new DownloadIntegrityError(`downloaded bytes do not match the object's ETag ${etag} (MD5 ${actualMd5})`);
  }
  const sha256 = sha.digest('hex');
  return {
    file,
    bytes,
    sha256,
    contentSha256: content ? ((await content.end()) ?? null) : null,
    etag,
    versionId: out.VersionId && out.VersionId !== 'null' ? out.VersionId : null,
    lastModified: out.LastModified ? out.LastModified.toISOString() : null,
  };
}
