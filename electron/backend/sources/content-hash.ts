import { createHash } from 'node:crypto';
import zlib from 'node:zlib';

/**
 * SHA-256 of an object's content as CloudTrail hashes it for its digests: of the decompressed bytes for a gzip
 * object, of the bytes themselves otherwise. Fed chunk by chunk while the object downloads, so the file is read once.
 * A corrupt gzip stream yields null (the import reports the object as unreadable; there is no content to vouch for).
 */
export class ContentHasher {
  private readonly raw = createHash('sha256');
  private readonly inflated = createHash('sha256');
  private gunzip: zlib.Gunzip | null = null;
  private started = false;
  private failed = false;
  private readonly done: Promise<void>;
  private resolveDone!: () => void;

  constructor() {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
  }

  write(chunk: Buffer): void {
    if (!this.started) {
      this.started = true;
      if (chunk.length >= 2 && chunk[0] === 0x1f && chunk[1] === 0x8b) {
        this.gunzip = zlib.createGunzip();
        this.gunzip.on('data', (c: Buffer) => this.inflated.update(c));
        this.gunzip.on('end', () => this.resolveDone());
        this.gunzip.on('error', () => {
          this.failed = true;
          this.resolveDone();
        });
      }
    }
    if (this.gunzip) this.gunzip.write(chunk);
    else this.raw.update(chunk);
  }

  /** The hex digest once every chunk was written. */
  async end(): Promise<string | null> {
    if (!this.gunzip) return this.raw.digest('hex');
    this.gunzip.end();
    await this.done;
    return this.failed ? null : this.inflated.digest('hex');
  }
}
