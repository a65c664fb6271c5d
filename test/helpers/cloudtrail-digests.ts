import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import zlib from 'node:zlib';
import { signingString, type DigestBody } from '../../electron/backend/sources/cloudtrail-digest.js';
import { ACCOUNT, type TrailObject } from './s3.js';

/**
 * Digest files exactly as CloudTrail writes them (AWS "CloudTrail digest file structure"): one per hour, listing the
 * log files delivered in that hour with the SHA-256 of their decompressed content, chained to the previous digest,
 * signed SHA256withRSA with a test key, the hex signature in `x-amz-meta-signature`.
 */

export const TRAIL_NAME = 'management';

export interface TestKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicPem: string;
  fingerprint: string;
}

export function testKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'pkcs1', format: 'der' });
  return {
    privateKey, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: createHash('md5').update(der).digest('hex'),
  };
}

export interface DigestObject {
  key: string;
  body: Buffer;
  metadata: Record<string, string>;
  start: number;
  end: number;
  logKeys: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function digestKey(region: string, end: number): string {
  const d = new Date(end);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
  const folder = `AWSLogs/${ACCOUNT}/CloudTrail-Digest/${region}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  return `${folder}/${ACCOUNT}_CloudTrail-Digest_${region}_${TRAIL_NAME}_${region}_${stamp}.json.gz`;
}

/**
 * A chain of digests over consecutive periods `[start, start + 1h)`, each listing the log files whose delivery time
 * (`TrailObject.time`) falls in it, except those in `leaveOut`. Every digest links to the one before it.
 */
export function digestChain(
  bucket: string,
  region: string,
  periods: number[],
  logFiles: TrailObject[],
  key: TestKey,
  leaveOut: ReadonlySet<string> = new Set(),
): DigestObject[] {
  const out: DigestObject[] = [];
  let previous: { key: string; sha256: string; signature: string } | null = null;
  for (const start of periods) {
    const end = start + 3_600_000;
    const files = logFiles.filter((f) => f.time >= start && f.time < end && !leaveOut.has(f.key));
    const k = digestKey(region, end);
    const body: DigestBody = {
      awsAccountId: ACCOUNT, digestStartTime: iso(start), digestEndTime: iso(end), digestS3Bucket: bucket, digestS3Object: k,
      digestPublicKeyFingerprint: key.fingerprint, digestSignatureAlgorithm: 'SHA256withRSA',
      previousDigestS3Bucket: previous ? bucket : null, previousDigestS3Object: previous?.key ?? null,
      previousDigestHashValue: previous?.sha256 ?? null, previousDigestHashAlgorithm: previous ? 'SHA-256' : null,
      previousDigestSignature: previous?.signature ?? null,
      logFiles: files.map((f) => ({
        s3Bucket: bucket, s3Object: f.key, hashValue: createHash('sha256').update(zlib.gunzipSync(f.body)).digest('hex'),
        hashAlgorithm: 'SHA-256', newestEventTime: iso(f.time), oldestEventTime: iso(f.time - 60_000),
      })),
    };
    const json: Buffer = Buffer.from(JSON.stringify(body));
    const sha256: string = createHash('sha256').update(json).digest('hex');
    const signature = sign('sha256', Buffer.from(signingString({ body, sha256 })), key.privateKey).toString('hex');
    out.push({
      key: k, body: zlib.gzipSync(json), metadata: { signature, 'signature-algorithm': 'SHA256withRSA' }, start, end,
      logKeys: files.map((f) => f.key),
    });
    previous = { key: k, sha256, signature };
  }
  return out;
}

/** The same digest re-signed with another key: what a forger without CloudTrail's private key can produce. */
export function forgeSignature(digest: DigestObject, other: TestKey): DigestObject {
  const json = zlib.gunzipSync(digest.body);
  const body = JSON.parse(json.toString('utf8'));
  const sha256 = createHash('sha256').update(json).digest('hex');
  const signature = sign('sha256', Buffer.from(signingString({ body, sha256 })), other.privateKey).toString('hex');
  return { ...digest, metadata: { ...digest.metadata, signature } };
}
