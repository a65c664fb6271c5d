import { createHash } from 'node:crypto';

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Stable event id (DESIGN.md section 4): format + the vendor's own id where it has one, else the record's content
 * hash. Records that expand into several events add their position so each event keeps its own id.
 */
export function eventIdentity(
  format: string,
  vendorId: string | null,
  recordText: string,
  expansion: { index: number; of: number },
): { id: string; contentHash: string } {
  const contentHash = sha256Hex(expansion.of > 1 ? `${recordText}\n#${expansion.index}` : recordText);
  const id = vendorId ? `${format}:${vendorId}` : `sha256:${contentHash.slice(0, 32)}`;
  return { id, contentHash };
}
