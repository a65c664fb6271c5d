import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ContentHasher } from '../../electron/backend/sources/content-hash.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function hashInChunks(bytes: Buffer, size: number): Promise<string | null> {
  const h = new ContentHasher();
  for (let i = 0; i < bytes.length; i += size) h.write(bytes.subarray(i, i + size));
  return h.end();
}

describe('content hash (what CloudTrail digests list)', () => {
  const content = Buffer.from('{"Records":[' + '{"eventName":"GetObject"},'.repeat(500) + '{}]}');

  it('hashes the decompressed content of a gzip object, however it is chunked, and of several gzip members', async () => {
    expect(await hashInChunks(zlib.gzipSync(content), 7)).toBe(sha(content));
    const twoMembers = Buffer.concat([zlib.gzipSync(content.subarray(0, 100)), zlib.gzipSync(content.subarray(100))]);
    expect(await hashInChunks(twoMembers, 4096)).toBe(sha(content));
  });

  it('hashes the bytes themselves when the object is not gzip, and gives null for a corrupt gzip stream', async () => {
    expect(await hashInChunks(content, 100)).toBe(sha(content));
    const gz = zlib.gzipSync(content);
    const corrupt = Buffer.concat([gz.subarray(0, 20), Buffer.alloc(64, 7), gz.subarray(20)]);
    expect(await hashInChunks(corrupt, 16)).toBeNull();
  });
});
