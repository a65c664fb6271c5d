/**
 * What readers yield while streaming an object (a file, an entry in a zip, an S3 object). Readers split the byte
 * stream into records and never interpret them: format detection and normalization happen in ingest/formats.
 */

export interface RecordLocation {
  /** 1-based line where the record starts (text formats), else null. */
  line: number | null;
  /** 0-based ordinal of the record within its object. */
  recordIndex: number;
  /** Byte offset of the record's start in the decompressed stream, when known. */
  byteOffset: number | null;
}

/** A parsed record: `value` is the JSON value, or for CSV a column-name -> string object. */
export interface ReadRecord extends RecordLocation {
  kind: 'record';
  value: unknown;
  /** The record's exact text as written (JSON text; for CSV, JSON of the column object). */
  text: string;
}

/** Something that could not be parsed: stored in `rejects` with its location and reason, never dropped. */
export interface ReadReject extends RecordLocation {
  kind: 'reject';
  reason: string;
  /** At most ~500 characters of the offending input. */
  excerpt: string;
}

/** Start of a new object inside a container (each zip entry is its own object with its own provenance). */
export interface ReadObjectStart {
  kind: 'object';
  /** Provenance name, e.g. `/cases/logs.zip!2023/07/ct.json`. */
  name: string;
  /** CSV header when the object is CSV, else null. */
  csvHeader: string[] | null;
}

export type ReadItem = ReadRecord | ReadReject | ReadObjectStart;

export interface ReadOptions {
  signal?: AbortSignal;
  /** Called with the number of compressed/on-disk bytes consumed so far (for progress). */
  onBytes?: (bytesRead: number) => void;
  /** Name used in provenance instead of the path (uploaded files keep their original name). */
  displayName?: string;
}

/** Limits that turn hostile or broken input into clear rejects instead of crashes. */
export const READ_LIMITS = {
  /** One record larger than this is rejected (a single 50 MB line is reported, not buffered forever). */
  maxRecordBytes: 16 * 1024 * 1024,
  /** Decompressed bytes per object (gzip/zip bomb guard). */
  maxDecompressedBytes: 8 * 1024 * 1024 * 1024,
  /** Decompressed/compressed ratio above which a zip entry is refused. */
  maxCompressionRatio: 200,
  maxZipEntries: 100_000,
  /** JSON nesting depth. */
  maxDepth: 256,
} as const;
