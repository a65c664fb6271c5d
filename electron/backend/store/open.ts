import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { recoverBulkLoad } from './bulk-load.js';
import { migrate } from './migrations/index.js';
import { registerRegexpFunction } from './regexp-function.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  readonly?: boolean;
  /** better-sqlite3's `nativeBinding`: the Electron-ABI build when running inside Electron. */
  nativeBinding?: string;
}

/** Opens (and migrates) a case file. Errors are classified into CASE_CORRUPT / CASE_READONLY / NOT_FOUND. */
export function openCase(file: string, options: OpenOptions = {}): Db {
  const create = options.create ?? true;
  const abs = path.resolve(file);
  if (!create && !fs.existsSync(abs)) throw new AppError('NOT_FOUND', `case file not found: ${abs}`);
  if (create) fs.mkdirSync(path.dirname(abs), { recursive: true });
  const fresh = create && !fs.existsSync(abs);
  let db: Db;
  try {
    db = new Database(abs, {
      readonly: options.readonly ?? false,
      fileMustExist: !create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw classifySqliteError(err, abs);
  }
  try {
    registerRegexpFunction(db);
    if (!options.readonly) {
      // 16 KiB pages: events rows are about 1 KB, so 4 KiB pages held three; npm run bench measured a 1M-event import
      // writing 12% and building its indexes 20% faster. Only a new file can take it (WAL fixes the page size).
      if (fresh) db.pragma('page_size = 16384');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('cache_size = -65536');
    // Map up to 2 GiB (SQLite's compile-time cap) rather than 256 MB: a 1M-event case is ~1.4 GB, and reads past the
    // map go through read() into the page cache, which made one actor's 66k scattered row reads cost 1.6x more CPU
    // (npm run bench, sessions and pack builds). Mapped pages are the OS's file cache, not process heap.
    db.pragma('mmap_size = 2147483648');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) {
      migrate(db);
      recoverBulkLoad(db);
      db.prepare(`INSERT OR IGNORE INTO case_meta(key, value) VALUES ('case_id', ?), ('created_at', ?)`).run(
        randomUUID(),
        new Date().toISOString(),
      );
    }
    return db;
  } catch (err) {
    db.close();
    throw classifySqliteError(err, abs);
  }
}

export function classifySqliteError(err: unknown, file: string): Error {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') {
    return new AppError('CASE_CORRUPT', `${file} is not a readable Auditlens case (${message})`);
  }
  if (code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY')) {
    return new AppError('CASE_READONLY', `${file} is read-only (${message})`);
  }
  if (code === 'SQLITE_CANTOPEN') return new AppError('NOT_FOUND', `cannot open case file ${file} (${message})`);
  if (message.includes('newer than this Auditlens')) return new AppError('CASE_READONLY', message);
  return err instanceof Error ? err : new Error(message);
}

export function caseId(db: Db): string {
  const row = db.prepare(`SELECT value FROM case_meta WHERE key = 'case_id'`).get() as { value: string } | undefined;
  return row?.value ?? 'unknown';
}
