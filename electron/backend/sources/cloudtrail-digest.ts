import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';

/**
 * CloudTrail digest files, as AWS documents them ("CloudTrail digest file structure" and "Custom implementations of
 * CloudTrail log file integrity validation"): every hour, per account, region and trail, a gzipped JSON file under
 * `AWSLogs/<acct>/CloudTrail-Digest/<region>/YYYY/MM/DD/` lists the log files delivered in that hour with the hex
 * SHA-256 of each file's decompressed content, and links to the previous digest (its key, hash and signature).
 * The digest's own signature is not in the file: it is the object's `x-amz-meta-signature` metadata (hex), made with
 * SHA256withRSA over the string
 *   digestEndTime \n digestS3Bucket/digestS3Object \n hex SHA-256 of the decompressed digest \n previousDigestSignature
 * where the first digest of a chain has `null` as its previous signature.
 */

const LogFileSchema = z.object({
  s3Bucket: z.string(),
  s3Object: z.string(),
  hashValue: z.string(),
  hashAlgorithm: z.string(),
  newestEventTime: z.string().nullish(),
  oldestEventTime: z.string().nullish(),
});

export const DigestBodySchema = z.object({
  awsAccountId: z.string(),
  digestStartTime: z.string(),
  digestEndTime: z.string(),
  digestS3Bucket: z.string(),
  digestS3Object: z.string(),
  digestPublicKeyFingerprint: z.string().nullish(),
  digestSignatureAlgorithm: z.string().nullish(),
  previousDigestS3Bucket: z.string().nullish(),
  previousDigestS3Object: z.string().nullish(),
  previousDigestHashValue: z.string().nullish(),
  previousDigestHashAlgorithm: z.string().nullish(),
  previousDigestSignature: z.string().nullish(),
  logFiles: z.array(LogFileSchema),
});
export type DigestBody = z.infer<typeof DigestBodySchema>;

/** A digest as found in the bucket. */
export interface DigestFile {
  bucket: string;
  key: string;
  /** Chain identity: `<account>/<region>/<trail>` from the key (one chain per trail and region). */
  trail: string;
  /** Hex SHA-256 of the decompressed digest file. */
  sha256: string;
  /** `x-amz-meta-signature` (hex) and `x-amz-meta-signature-algorithm`, when the object has them. */
  signature: string | null;
  signatureAlgorithm: string | null;
  body: DigestBody;
  startMs: number;
  endMs: number;
  backfill: boolean;
}

const DIGEST_NAME_RE = /(?:^|\/)AWSLogs\/(?:o-[a-z0-9]+\/)?(\d{12})\/CloudTrail-Digest\/([^/]+)\/\d{4}\/\d{2}\/\d{2}\/\d{12}_CloudTrail-Digest_[^_]+_(.+)_[^_]+_\d{8}T\d{6}Z(_backfill)?\.json\.gz$/;

/** Parses a decompressed digest file. Throws SOURCE_FORMAT naming the key and what is wrong. */
export function parseDigest(bucket: string, key: string, content: Buffer, meta: Record<string, string>): DigestFile {
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch (err) {
    throw new AppError('SOURCE_FORMAT', `s3://${bucket}/${key} is not a CloudTrail digest: not JSON (${(err as Error).message})`);
  }
  const parsed = DigestBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('SOURCE_FORMAT', `s3://${bucket}/${key} is not a CloudTrail digest: ${issue.path.join('.') || 'root'}: ${issue.message}`);
  }
  const body = parsed.data;
  const startMs = Date.parse(body.digestStartTime);
  const endMs = Date.parse(body.digestEndTime);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
    throw new AppError('SOURCE_FORMAT', `s3://${bucket}/${key}: digestStartTime/digestEndTime are not ISO times`);
  }
  const m = DIGEST_NAME_RE.exec(key);
  return {
    bucket, key, body, startMs, endMs,
    trail: m ? `${m[1]}/${m[2]}/${m[3]}` : `${body.awsAccountId}/${key.slice(0, key.lastIndexOf('/'))}`,
    sha256: createHash('sha256').update(content).digest('hex'),
    signature: meta['signature'] ?? null,
    signatureAlgorithm: meta['signature-algorithm'] ?? null,
    backfill: Boolean(m?.[4]),
  };
}

/** The string CloudTrail signs for a digest (AWS: "Data signing string"). */
export function signingString(d: Pick<DigestFile, 'body' | 'sha256'>): string {
  const b = d.body;
  return `${b.digestEndTime}\n${b.digestS3Bucket}/${b.digestS3Object}\n${d.sha256}\n${b.previousDigestSignature ?? 'null'}`;
}

export interface PublicKeyInfo {
  key: KeyObject;
  /**
   * How digests name the key that signed them (`digestPublicKeyFingerprint`): ListPublicKeys' Fingerprint, or for a
   * PEM file the hex MD5 of the DER (PKCS#1) key. When no supplied key carries a digest's fingerprint, every
   * supplied key is tried, so a PEM whose fingerprint is computed differently still verifies.
   */
  fingerprint: string;
  /** Where it came from, for messages (a PEM file path). */
  origin: string;
}

export function publicKeyInfo(key: KeyObject, origin: string): PublicKeyInfo {
  if (key.asymmetricKeyType !== 'rsa') throw new AppError('INVALID_INPUT', `${origin}: not an RSA public key (${key.asymmetricKeyType})`);
  const der = key.export({ type: 'pkcs1', format: 'der' });
  return { key, origin, fingerprint: createHash('md5').update(der).digest('hex') };
}

/** Reads every public key in a PEM file (several `-----BEGIN ...-----` blocks are allowed: one per key period). */
export function readPublicKeys(file: string): PublicKeyInfo[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('INVALID_INPUT', `cannot read the public key file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const blocks = text.match(/-----BEGIN [A-Z ]+-----[\s\S]+?-----END [A-Z ]+-----/g) ?? [];
  if (blocks.length === 0) throw new AppError('INVALID_INPUT', `${file} holds no PEM block (expected -----BEGIN PUBLIC KEY-----)`);
  return blocks.map((pem, i) => {
    try {
      return publicKeyInfo(createPublicKey(pem), `${file}#${i + 1}`);
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('INVALID_INPUT', `${file}: PEM block ${i + 1} is not a public key: ${(err as Error).message}`);
    }
  });
}

export type SignatureVerdict = { status: 'valid' | 'invalid' | 'no-key' | 'unsigned'; detail: string | null };

/**
 * Checks a digest's signature: it must be where it says it is (the signed path), signed with SHA256withRSA, and
 * verify with the key its fingerprint names (or, when no supplied key carries that fingerprint, with any of them).
 */
export function verifyDigestSignature(d: DigestFile, keys: readonly PublicKeyInfo[]): SignatureVerdict {
  const b = d.body;
  // The signed path is the one in the file: a digest copied to another bucket (evidence copies are common) still
  // verifies, and says so; one moved to another key no longer fits its chain and is refused.
  if (b.digestS3Object !== d.key) {
    return { status: 'invalid', detail: `digest was found at s3://${d.bucket}/${d.key} but says it was delivered to s3://${b.digestS3Bucket}/${b.digestS3Object}` };
  }
  const copied = b.digestS3Bucket !== d.bucket ? `a copy: CloudTrail delivered it to bucket ${b.digestS3Bucket}` : null;
  if (!d.signature) return { status: 'unsigned', detail: 'the digest object has no x-amz-meta-signature metadata' };
  const algorithm = d.signatureAlgorithm ?? b.digestSignatureAlgorithm ?? null;
  if (algorithm !== 'SHA256withRSA') return { status: 'invalid', detail: `unsupported signature algorithm ${algorithm ?? '(none)'}` };
  if (keys.length === 0) return { status: 'no-key', detail: 'signature not checked: no public key (give --public-key FILE)' };
  if (!/^[0-9a-f]+$/i.test(d.signature)) return { status: 'invalid', detail: 'x-amz-meta-signature is not hex' };
  const named = keys.filter((k) => k.fingerprint === b.digestPublicKeyFingerprint);
  const data = Buffer.from(signingString(d), 'utf8');
  const sig = Buffer.from(d.signature, 'hex');
  for (const k of named.length > 0 ? named : keys) {
    if (verify('sha256', data, k.key, sig)) return { status: 'valid', detail: copied };
  }
  return {
    status: 'invalid',
    detail: named.length > 0
      ? `signature does not verify with the key ${b.digestPublicKeyFingerprint} (${named[0].origin}): the digest was altered`
      : `signature does not verify with any supplied key (the digest names key ${b.digestPublicKeyFingerprint ?? '(none)'})`,
  };
}
