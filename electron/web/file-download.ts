import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ExportRow } from '../../shared/contract/exports.js';
import type { Envelope } from '../../shared/errors.js';
import type { Backend } from '../backend/backend.js';
import { getPack } from '../backend/store/queries/packs.js';
import { SECURITY_HEADERS } from './security.js';

/**
 * `GET /api/exports/<id>/download` and `GET /api/packs/<id>/download`: stream a completed export or evidence pack as
 * an attachment. The caller has already checked the Host/Origin and the token (header, or `?token=` so a plain link
 * works). Only files recorded in the case's export or pack history are served, and only while their size is the
 * recorded one (a file changed since is refused: an auditor must get the bytes whose SHA-256 the history shows).
 */

export const DOWNLOAD_PATH = /^\/api\/(exports|packs)\/([^/]+)\/download$/;

/** A file the case recorded writing: what a download needs to know about it, whichever history it comes from. */
interface RecordedFile {
  /** `export #3`, `pack 1b2c…`: how errors name it. */
  label: string;
  status: string;
  outPath: string;
  bytes: number;
  sha256: string | null;
  contentType: string;
}

type Lookup = { ok: true; file: RecordedFile } | { ok: false; body: Envelope<never> };

const EXPORT_TYPES: Record<ExportRow['format'], string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

async function findExport(backend: Backend, id: string): Promise<Lookup> {
  if (!/^\d+$/.test(id)) return notFound(`no export #${id}`);
  const found = await backend.invoke('export:get', { id: Number(id) });
  if (!found.ok) return { ok: false, body: found };
  const row = found.value as ExportRow;
  return { ok: true, file: { label: `export #${id}`, status: row.status, outPath: row.outPath, bytes: row.bytes, sha256: row.sha256, contentType: EXPORT_TYPES[row.format] } };
}

async function findPack(backend: Backend, id: string): Promise<Lookup> {
  const row = getPack(backend.context.db, id);
  if (!row) return notFound(`no evidence pack ${id} in this case`);
  return { ok: true, file: { label: `pack ${id}`, status: row.status, outPath: row.outPath, bytes: row.bytes, sha256: row.sha256, contentType: 'application/zip' } };
}

const LOOKUPS: Record<string, (backend: Backend, id: string) => Promise<Lookup>> = { exports: findExport, packs: findPack };

function notFound(message: string): Lookup {
  return { ok: false, body: { ok: false, error: { code: 'NOT_FOUND', message } } };
}

function fail(res: ServerResponse, status: number, body: Envelope<never>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function invalid(message: string): Envelope<never> {
  return { ok: false, error: { code: 'INVALID_INPUT', message } };
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Serves the download a DOWNLOAD_PATH match names (`match[1]` the history, `match[2]` the id). */
export async function serveDownload(backend: Backend, match: RegExpExecArray, res: ServerResponse, headOnly: boolean): Promise<void> {
  const found = await LOOKUPS[match[1]](backend, decodeURIComponent(match[2]));
  if (!found.ok) return fail(res, 404, found.body);
  const file = found.file;
  if (file.status !== 'completed') {
    return fail(res, 409, invalid(`${file.label} is ${file.status}; only a completed ${match[1] === 'packs' ? 'pack' : 'export'} can be downloaded`));
  }
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file.outPath);
  } catch {
    return fail(res, 410, { ok: false, error: { code: 'NOT_FOUND', message: `the file of ${file.label} is gone: ${file.outPath}` } });
  }
  if (!stat.isFile() || stat.size !== file.bytes) {
    return fail(res, 409, invalid(`the file of ${file.label} changed since it was written (${stat.size} bytes, recorded ${file.bytes}): ${file.outPath}`));
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': file.contentType,
    'Content-Length': String(stat.size),
    'Content-Disposition': contentDisposition(path.basename(file.outPath)),
    'Cache-Control': 'no-store',
    ...(file.sha256 ? { 'X-Auditlens-Sha256': file.sha256 } : {}),
  });
  if (headOnly) return void res.end();
  await pipeline(fs.createReadStream(file.outPath), res);
}
