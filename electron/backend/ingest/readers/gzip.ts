import zlib from 'node:zlib';
import { formatBytes } from './lines.js';
import { SourceDataError } from './source.js';

export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

export interface InflateOptions {
  /** Stop with a SourceDataError past this many output bytes (bomb guard). */
  maxOutputBytes: number;
  /** Wording for the limit error, e.g. "the 8 GB per-object limit" or "its declared size of 1234 bytes". */
  limitLabel: string;
  /** Sees every output chunk before it is yielded (zip entries compute their CRC here). */
  onOutput?: (chunk: Buffer) => void;
}

/** Output queued beyond this pauses the engine, so a bomb never inflates faster than the consumer reads. */
const HIGH_WATER = 1024 * 1024;

/**
 * Streams compressed chunks through a zlib engine, yielding plain chunks with bounded memory.
 *
 * Why not `for await (const b of source.pipe(zlib.createGunzip()))`: when the input is truncated zlib reports
 * "unexpected end of file" and the stream is destroyed, which drops the output of the last write. Here every write
 * is awaited before `end()`, output is collected from 'data' events, and `end()` is only called once everything
 * produced so far has been handed out, so a cut file yields every record decoded before the cut.
 */
export async function* inflateChunks(
  source: AsyncIterable<Buffer>,
  kind: 'gzip' | 'deflate-raw',
  opts: InflateOptions,
): AsyncGenerator<Buffer> {
  const engine = kind === 'gzip' ? zlib.createGunzip() : zlib.createInflateRaw();
  const label = kind === 'gzip' ? 'gzip stream' : 'deflate stream';
  const queue: Buffer[] = [];
  let queued = 0;
  let failure = null as Error | null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const wait = () => new Promise<void>((resolve) => (wake = resolve));
  engine.on('data', (b: Buffer) => {
    queue.push(b);
    queued += b.length;
    if (queued > HIGH_WATER) engine.pause();
    notify();
  });
  engine.on('error', (e) => {
    failure = e;
    notify();
  });
  engine.on('end', () => {
    ended = true;
    notify();
  });

  let consumedIn = 0;
  let produced = 0;
  const take = (): Buffer => {
    const b = queue.shift()!;
    queued -= b.length;
    produced += b.length;
    if (produced > opts.maxOutputBytes) {
      throw new SourceDataError(`decompressed data exceeds ${opts.limitLabel} (possible decompression bomb)`);
    }
    if (queued < HIGH_WATER / 2 && engine.isPaused()) engine.resume();
    opts.onOutput?.(b);
    return b;
  };
  const fail = (e: Error): SourceDataError => {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(e.message)) {
      return new SourceDataError(`${label} truncated at compressed byte ${consumedIn}`);
    }
    return new SourceDataError(`${label} corrupt near compressed byte ${consumedIn}: ${e.message}`);
  };

  try {
    for await (const chunk of source) {
      let written = false;
      engine.write(chunk, () => {
        written = true;
        notify();
      });
      consumedIn += chunk.length;
      while (!written || queue.length > 0) {
        if (queue.length > 0) yield take();
        else if (failure) break;
        else await wait();
      }
      if (failure) throw fail(failure);
    }
    // Everything produced so far must be out of the engine's buffer before end(): a truncation error destroys it.
    while (engine.readableLength > 0 || queue.length > 0) {
      if (queue.length > 0) yield take();
      else if (failure) break;
      else {
        if (engine.isPaused()) engine.resume();
        await wait();
      }
    }
    if (!failure) engine.end();
    while (!ended || queue.length > 0) {
      if (queue.length > 0) yield take();
      else if (failure) break;
      else await wait();
    }
    if (failure) throw fail(failure);
  } finally {
    engine.removeAllListeners('data');
    engine.on('error', () => undefined);
    engine.destroy();
  }
}

/** Gunzip with the per-object decompressed-size guard. Concatenated gzip members are read as one stream. */
export function gunzipChunks(source: AsyncIterable<Buffer>, maxOutputBytes: number): AsyncGenerator<Buffer> {
  return inflateChunks(source, 'gzip', {
    maxOutputBytes,
    limitLabel: `the ${formatBytes(maxOutputBytes)} per-object limit`,
  });
}
