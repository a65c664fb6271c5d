import fs from 'node:fs';

/**
 * What the S3 puller remembers between runs to skip unchanged objects (key + ETag): one JSON line per object brought
 * into the case, appended as soon as its import commits. The provenance of each object version (ETag, version id,
 * SHA-256, events, integrity verdict) lives in the case itself, in `s3_objects` (migration 0007).
 *
 * Why JSON Lines next to the case file and not one JSON document: a pull of 100k objects would rewrite a 20 MB file
 * after every batch, and a kill during that rewrite could lose every checkpoint. Appending one line per object is
 * O(1), and a torn last line (killed mid-write) is simply ignored. The case stays the source of truth: an object
 * whose checkpoint was lost is downloaded again and the pipeline skips it by SHA-256, adding nothing.
 */

export interface ObjectCheckpoint {
  /** `s3://bucket/key`: the same string as the events' provenance. */
  url: string;
  /** ETag from the GET response, quotes included. With the key it identifies the object's content. */
  etag: string;
  versionId: string | null;
  size: number;
  lastModified: string | null;
  sha256: string;
  /** imports.id of the row that brought the object in (or found it already in the case). */
  importId: number | null;
  status: 'completed' | 'partial' | 'skipped';
  endpoint: string | null;
  at: string;
}

export interface CheckpointStore {
  readonly file: string;
  get(url: string): ObjectCheckpoint | undefined;
  /** Appends synchronously: the line is on disk before the next object is reported done. */
  record(entries: ObjectCheckpoint[]): void;
  size(): number;
}

/** `<case>.s3-checkpoints.jsonl`, beside the case file. */
export function checkpointFileFor(caseFile: string): string {
  return `${caseFile}.s3-checkpoints.jsonl`;
}

export function openCheckpoints(file: string): CheckpointStore {
  const entries = new Map<string, ObjectCheckpoint>();
  let lines = 0;
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as ObjectCheckpoint;
      if (typeof e.url === 'string' && typeof e.etag === 'string') {
        entries.set(e.url, e);
        lines++;
      }
    } catch {
      // A line cut by a kill mid-append: that object is simply pulled again.
    }
  }
  // Re-pulled objects leave superseded lines behind; compact once they outnumber the live ones.
  if (lines > 1000 && lines > entries.size * 2) {
    const tmp = `${file}.tmp-${process.pid}`;
    fs.writeFileSync(tmp, [...entries.values()].map((e) => JSON.stringify(e) + '\n').join(''));
    fs.renameSync(tmp, file);
  } else if (text && !text.endsWith('\n')) {
    // Terminate a torn line so the next append starts on a line of its own.
    fs.appendFileSync(file, '\n');
  }
  return {
    file,
    get: (url) => entries.get(url),
    record(list) {
      if (list.length === 0) return;
      fs.appendFileSync(file, list.map((e) => JSON.stringify(e) + '\n').join(''));
      for (const e of list) entries.set(e.url, e);
    },
    size: () => entries.size,
  };
}
