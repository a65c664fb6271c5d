import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import zlib from 'node:zlib';

/**
 * One zip entry being written: the bytes are hashed (SHA-256 for the BagIt manifest, CRC-32 for the zip) and
 * deflated as they come, into memory for small files or into a temp file for the event files, so the zip can be
 * assembled afterwards with every size known (no data descriptors) and entries in a fixed order.
 */

/**
 * The event files (hundreds of MB at 1M events) use level 3: about as fast as level 1, 20% smaller, and 2.6x faster
 * than level 6 (measured on 22 MB of pack rows: 234 ms vs 612 ms; ratio 12x vs 16x). The small files use level 9.
 */
export const STREAM_LEVEL = 3;
const SMALL_LEVEL = 9;
const CHUNK = 256 * 1024;

export interface FinishedEntry {
  name: string;
  sha256: string;
  crc32: number;
  size: number;
  compressedSize: number;
  /** Deflated bytes: in memory, or a temp file the zip writer copies. */
  data: Buffer | { file: string };
}

/** A small entry whose whole content is at hand. */
export function memoryEntry(name: string, content: string | Buffer): FinishedEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const data = zlib.deflateRawSync(bytes, { level: SMALL_LEVEL });
  return {
    name, sha256: createHash('sha256').update(bytes).digest('hex'), crc32: zlib.crc32(bytes), size: bytes.length,
    compressedSize: data.length, data,
  };
}

/** A large entry written piece by piece; deflation runs on libuv's thread pool, off the event loop. */
export class StreamedEntry {
  private readonly hash: Hash = createHash('sha256');
  private crc = 0;
  private size = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  private readonly deflate = zlib.createDeflateRaw({ level: STREAM_LEVEL });
  private readonly out: fs.WriteStream;

  constructor(
    readonly name: string,
    private readonly tempFile: string,
  ) {
    // Opened synchronously: a cancel right after construction must not race an asynchronous open.
    this.out = fs.createWriteStream(tempFile, { fd: fs.openSync(tempFile, 'w') });
    this.deflate.pipe(this.out);
  }

  /** Buffers text; returns a promise only when the deflater needs the caller to wait (backpressure). */
  write(text: string): Promise<void> | void {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength >= CHUNK) return this.flush();
  }

  private flush(): Promise<void> | void {
    if (this.pending.length === 0) return;
    const bytes = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(bytes);
    this.crc = zlib.crc32(bytes, this.crc);
    this.size += bytes.length;
    if (!this.deflate.write(bytes)) return once(this.deflate, 'drain').then(() => undefined);
  }

  async finish(): Promise<FinishedEntry> {
    await this.flush();
    this.deflate.end();
    await finished(this.out);
    return {
      name: this.name, sha256: this.hash.digest('hex'), crc32: this.crc, size: this.size,
      compressedSize: fs.statSync(this.tempFile).size, data: { file: this.tempFile },
    };
  }

  /** Stops writing (cancel or failure); the caller removes the temp directory. */
  abort(): void {
    this.deflate.destroy();
    this.out.destroy();
  }
}
