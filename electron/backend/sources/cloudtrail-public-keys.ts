import { CloudTrailClient, ListPublicKeysCommand } from '@aws-sdk/client-cloudtrail';
import { createPublicKey } from 'node:crypto';
import { AppError } from '../../../shared/errors.js';
import { publicKeyInfo, type PublicKeyInfo } from './cloudtrail-digest.js';
import { classifyS3Error, s3ErrorCode, type S3ClientOptions } from './s3-client.js';

/**
 * CloudTrail's own public keys for a region (ListPublicKeys): the keys whose private halves signed the region's
 * digests during a time range, DER-encoded PKCS#1 with their fingerprints. Uses the same credentials as the S3 pull
 * (profile, default chain or typed keys); the endpoint is AWS's unless AWS_ENDPOINT_URL_CLOUDTRAIL says otherwise.
 */
export async function cloudTrailPublicKeys(
  client: Pick<S3ClientOptions, 'profile' | 'credentials'>,
  region: string,
  span: { since: number; until: number },
  signal?: AbortSignal,
): Promise<PublicKeyInfo[]> {
  const ct = new CloudTrailClient({
    region,
    ...(client.profile ? { profile: client.profile } : {}),
    ...(client.credentials ? { credentials: client.credentials } : {}),
    maxAttempts: 3,
  });
  const keys: PublicKeyInfo[] = [];
  let token: string | undefined;
  try {
    do {
      const out = await ct.send(
        // Keys are valid for periods; ask for the whole span the digests cover (ListPublicKeys takes at most 1 page
        // per call and a NextToken when more keys rotated in the range).
        new ListPublicKeysCommand({ StartTime: new Date(span.since), EndTime: new Date(span.until), NextToken: token }),
        { abortSignal: signal },
      );
      for (const k of out.PublicKeyList ?? []) {
        if (!k.Value) continue;
        const key = createPublicKey({ key: Buffer.from(k.Value), format: 'der', type: 'pkcs1' });
        const info = publicKeyInfo(key, `CloudTrail ListPublicKeys ${region}`);
        keys.push(k.Fingerprint ? { ...info, fingerprint: k.Fingerprint } : info);
      }
      token = out.NextToken;
    } while (token);
  } catch (err) {
    if (err instanceof AppError) throw err;
    // The same classification as S3 (credentials, network, denied), worded for CloudTrail.
    const e = classifyS3Error(err, 'cloudtrail', { region });
    throw new AppError(e.code, `cannot get CloudTrail's public keys for ${region} (ListPublicKeys): ${s3ErrorCode(err)}`, e.details);
  } finally {
    ct.destroy();
  }
  if (keys.length === 0) throw new AppError('NOT_FOUND', `CloudTrail ListPublicKeys returned no key for ${region} in the digests' time range`);
  return keys;
}
