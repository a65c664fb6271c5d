import type { IntegrityGap } from '../../../shared/contract/integrity.js';
import type { DigestFinding } from '../store/queries/s3-objects.js';
import { verifyDigestSignature, type DigestFile, type PublicKeyInfo } from './cloudtrail-digest.js';

/**
 * Walks each trail's chain of digests (oldest first): every digest names the previous one by key, hash and signature;
 * a link that points at a missing digest or at one whose content or signature differs is broken. Hours between two
 * consecutive digests that no digest covers are reported as `no-digest` gaps.
 */

/** Digests are hourly; a hole shorter than this between one digest's end and the next one's start is clock noise. */
const COVERAGE_TOLERANCE_MS = 60_000;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export interface ChainResult {
  findings: DigestFinding[];
  gaps: IntegrityGap[];
}

/** `unreadable`: digest keys that were listed but could not be read, with the reason (their hour is not covered). */
export function judgeChain(
  bucket: string,
  trail: string,
  digests: DigestFile[],
  keys: readonly PublicKeyInfo[],
  unreadable: ReadonlyMap<string, string> = new Map(),
): ChainResult {
  const findings: DigestFinding[] = [];
  const gaps: IntegrityGap[] = [];
  const byKey = new Map(digests.map((d) => [d.key, d]));
  const hourly = digests.filter((d) => !d.backfill).sort((a, b) => a.endMs - b.endMs);
  const gap = (kind: IntegrityGap['kind'], start: number, end: number, detail: string) =>
    gaps.push({ bucket, trail, kind, start: iso(start), end: iso(end), detail });

  hourly.forEach((d, i) => {
    const sig = verifyDigestSignature(d, keys);
    const prev = i > 0 ? hourly[i - 1] : undefined;
    const link = judgeLink(d, prev, byKey, unreadable);
    if (link.chain === 'broken') gap('chain-broken', prev?.endMs ?? d.startMs, d.startMs, `${d.key}: ${link.detail}`);
    if (prev && d.startMs - prev.endMs > COVERAGE_TOLERANCE_MS) {
      const lost = d.body.previousDigestS3Object ? unreadable.get(d.body.previousDigestS3Object) : undefined;
      gap('no-digest', prev.endMs, d.startMs, lost
        ? `digest ${d.body.previousDigestS3Object} could not be read: ${lost}`
        : `no digest covers ${iso(prev.endMs)} to ${iso(d.startMs)} (between ${prev.key} and ${d.key})`);
    }
    findings.push(finding(d, sig.status, link.chain, [sig.detail, link.detail].filter(Boolean).join('; ') || null));
  });
  for (const d of digests.filter((x) => x.backfill)) {
    const sig = verifyDigestSignature(d, keys);
    findings.push(finding(d, sig.status, 'start', ['backfill digest (outside the hourly chain)', sig.detail].filter(Boolean).join('; ')));
  }
  return { findings, gaps };
}

function finding(d: DigestFile, signature: DigestFinding['signature'], chain: DigestFinding['chain'], detail: string | null): DigestFinding {
  return {
    bucket: d.bucket, key: d.key, trail: d.trail, start: d.body.digestStartTime, end: d.body.digestEndTime,
    logFiles: d.body.logFiles.length, signature, chain, detail, sha256: d.sha256,
  };
}

function judgeLink(
  d: DigestFile,
  prev: DigestFile | undefined,
  byKey: Map<string, DigestFile>,
  unreadable: ReadonlyMap<string, string>,
): { chain: DigestFinding['chain']; detail: string | null } {
  const b = d.body;
  if (!b.previousDigestS3Object || !b.previousDigestSignature) {
    return { chain: 'start', detail: 'first digest of the chain (no previous digest)' };
  }
  const named = byKey.get(b.previousDigestS3Object);
  if (!named) {
    // The first digest read may simply continue a chain that starts before the validated range.
    if (!prev) return { chain: 'start', detail: `previous digest ${b.previousDigestS3Object} is before the validated range` };
    if (unreadable.has(b.previousDigestS3Object)) {
      return { chain: 'broken', detail: `previous digest ${b.previousDigestS3Object} could not be read, so this link is unproven` };
    }
    return { chain: 'broken', detail: `previous digest ${b.previousDigestS3Object} is missing from the bucket` };
  }
  if (prev && named.key !== prev.key) {
    return { chain: 'broken', detail: `links to ${named.key}, but the digest before it is ${prev.key}` };
  }
  if (b.previousDigestHashValue && b.previousDigestHashValue !== named.sha256) {
    return { chain: 'broken', detail: `previous digest ${named.key} changed: its SHA-256 is ${named.sha256}, this digest recorded ${b.previousDigestHashValue}` };
  }
  if (named.signature && b.previousDigestSignature !== named.signature) {
    return { chain: 'broken', detail: `previous digest ${named.key} carries a different signature than this digest recorded` };
  }
  return { chain: 'linked', detail: null };
}
