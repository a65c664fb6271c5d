import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { judgeChain } from '../../electron/backend/sources/cloudtrail-digest-chain.js';
import {
  parseDigest, publicKeyInfo, signingString, verifyDigestSignature, type DigestFile,
} from '../../electron/backend/sources/cloudtrail-digest.js';
import { digestChain, testKey, TRAIL_NAME, type DigestObject } from '../helpers/cloudtrail-digests.js';
import { cloudTrailObject } from '../helpers/s3.js';

/** Digest parsing, the signing string, signature checks and the chain walk, on digests built as CloudTrail does. */

const key = testKey();
const keys = [publicKeyInfo(key.publicKey, 'test.pem')];
const HOUR = 3_600_000;
const periods = [0, 1, 2, 3].map((h) => Date.UTC(2026, 4, 1, h));
const logs = periods.map((t) => cloudTrailObject('eu-west-1', t + 600_000, 1));

function read(d: DigestObject, bucket = 'trail'): DigestFile {
  return parseDigest(bucket, d.key, zlib.gunzipSync(d.body), d.metadata);
}

describe('CloudTrail digests', () => {
  const chain = digestChain('trail', 'eu-west-1', periods, logs, key);

  it('parses a digest, names its trail and builds the documented signing string ("null" for the first)', () => {
    const first = read(chain[0]);
    expect(first.trail).toBe(`123456789012/eu-west-1/${TRAIL_NAME}`);
    expect(signingString(first)).toBe(`2026-05-01T01:00:00Z\ntrail/${chain[0].key}\n${first.sha256}\nnull`);
    expect(signingString(read(chain[1])).endsWith(`\n${chain[0].metadata.signature}`)).toBe(true);
  });

  it('says what is wrong with a file that is not a digest', () => {
    expect(() => parseDigest('trail', 'x.json.gz', Buffer.from('{oops'), {})).toThrow(/s3:\/\/trail\/x\.json\.gz is not a CloudTrail digest: not JSON/);
    expect(() => parseDigest('trail', 'x.json.gz', Buffer.from('{"awsAccountId":"1"}'), {})).toThrow(
      /is not a CloudTrail digest: digestStartTime: /,
    );
  });

  it('verifies a signature, and refuses an altered digest, a moved one, a wrong algorithm; no key or no signature are told apart', () => {
    const d = read(chain[1]);
    expect(verifyDigestSignature(d, keys)).toEqual({ status: 'valid', detail: null });
    expect(verifyDigestSignature({ ...d, sha256: '0'.repeat(64) }, keys).status).toBe('invalid');
    expect(verifyDigestSignature({ ...d, key: 'elsewhere.json.gz' }, keys).detail).toMatch(/says it was delivered to/);
    expect(verifyDigestSignature({ ...d, signatureAlgorithm: 'SHA1withRSA' }, keys).detail).toBe('unsupported signature algorithm SHA1withRSA');
    expect(verifyDigestSignature(d, []).status).toBe('no-key');
    expect(verifyDigestSignature({ ...d, signature: null }, keys).status).toBe('unsigned');
    expect(verifyDigestSignature(d, [publicKeyInfo(testKey().publicKey, 'other.pem')]).detail).toMatch(/does not verify with any supplied key/);
  });

  it('walks the chain: linked, then broken where a previous digest changed after the next one recorded it', () => {
    const files = chain.map((c) => read(c));
    expect(judgeChain('trail', files[0].trail, files, keys).findings.map((f) => f.chain)).toEqual(['start', 'linked', 'linked', 'linked']);
    const altered = { ...files[1], sha256: 'f'.repeat(64) };
    const r = judgeChain('trail', files[0].trail, [files[0], altered, files[2], files[3]], keys);
    expect(r.findings.map((f) => `${f.chain}/${f.signature}`)).toEqual(['start/valid', 'linked/invalid', 'broken/valid', 'linked/valid']);
    expect(r.gaps).toEqual([expect.objectContaining({ kind: 'chain-broken', detail: expect.stringMatching(/changed: its SHA-256 is f{64}/) })]);
  });

  it('reports hours no digest covers between two consecutive digests', () => {
    const files = chain.map((c) => read(c));
    const r = judgeChain('trail', files[0].trail, [files[0], files[3]], keys);
    expect(r.gaps.map((g) => [g.kind, g.start, g.end])).toEqual([
      ['chain-broken', '2026-05-01T01:00:00Z', '2026-05-01T03:00:00Z'],
      ['no-digest', '2026-05-01T01:00:00Z', '2026-05-01T03:00:00Z'],
    ]);
    expect(files[3].startMs - files[0].endMs).toBe(2 * HOUR);
  });
});
