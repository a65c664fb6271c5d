import { open, stat, type FileHandle } from 'node:fs/promises';

/**
 * The byte source of an object went bad part-way (truncated gzip, corrupt zip entry, decompression limit). Readers
 * turn it into one reject after the records decoded so far instead of failing the whole import.
 */
export class SourceDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceDataError';
  }
}

/** Read size: large enough for throughput, small enough that progress and cancellation stay responsive. */
export const READ_CHUNK = 1024 * 1024;
/** onBytes is called at most once per this many bytes (plus once at the end). */
export const PROGRESS_STEP = 64 * 1024;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent is not a directory',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** The reason a file system call failed, in words ("no such file (ENOENT)"). */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reason = (code && REASONS[code]) ?? (err instanceof Error ? err.message : String(err));
  return `${reason}${code ? ` (${code})` : ''}`;
}

/** An Error whose message names the path and the reason: the pipeline shows it as the failed import's cause. */
export function unreadable(path: string, err: unknown): Error {
  return new Error(`cannot read ${path}: ${describeFsError(err)}`, { cause: err });
}

/** Opens a regular file for reading, turning ENOENT/EACCES/directories into clear errors. */
export async function openFile(path: string): Promise<{ handle: FileHandle; size: number }> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (err) {
    throw unreadable(path, err);
  }
  try {
    return { handle: await open(path, 'r'), size };
  } catch (err) {
    throw unreadable(path, err);
  }
}

/** Calls onBytes at most every PROGRESS_STEP bytes; `flush` reports the final count. */
export function progressReporter(onBytes: ((n: number) => void) | undefined) {
  let last = 0;
  return {
    report(total: number): void {
      if (onBytes && total - last >= PROGRESS_STEP) {
        last = total;
        onBytes(total);
      }
    },
    flush(total: number): void {
      if (onBytes && total !== last) {
        last = total;
        onBytes(total);
      }
    },
  };
}

/**
 * Streams a file handle from `start` as fresh Buffers (never reused: the JSON scanner keeps zero-copy slices of
 * them while a record spans chunks). One read is kept in flight so disk and parsing overlap.
 */
export async function* fileChunks(
  handle: FileHandle,
  path: string,
  opts: { signal?: AbortSignal; onRead?: (total: number) => void },
): AsyncGenerator<Buffer> {
  let position = 0;
  const readNext = async (): Promise<Buffer> => {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    try {
      const { bytesRead } = await handle.read(buf, 0, READ_CHUNK, position);
      position += bytesRead;
      return bytesRead === READ_CHUNK ? buf : buf.subarray(0, bytesRead);
    } catch (err) {
      throw unreadable(path, err);
    }
  };
  let consumed = 0;
  let pending = readNext();
  for (;;) {
    const chunk = await pending;
    opts.signal?.throwIfAborted();
    if (chunk.length === 0) return;
    pending = readNext();
    // A rejected read-ahead must not become an unhandled rejection if the consumer stops early.
    pending.catch(() => undefined);
    consumed += chunk.length;
    opts.onRead?.(consumed);
    yield chunk;
  }
}

/** Yields `head` first, then the rest of `rest` (used after sniffing consumed a few chunks). */
export async function* prepend(head: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    for (const b of head) yield b;
    for (;;) {
      const r = await rest.next();
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await rest.return?.();
  }
}
