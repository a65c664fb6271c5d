import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ExportRow } from '../../shared/contract/exports.js';
import type { Envelope } from '../../shared/errors.js';
import type { Backend } from '../backend/backend.js';
import { SECURITY_HEADERS } from './security.js';

/**
 * `GET /api/exports/<id>/download`: streams a completed export as an attachment. The caller has already checked the
 * Host/Origin and the token (header, or `?token=` so a plain link works). Only files recorded in the case's export
 * history are served, and only while their size is the recorded one (a file changed since is refused).
 */

export const DOWNLOAD_PATH = /^\/api\/exports\/(\d+)\/download$/;

const CONTENT_TYPES: Record<ExportRow['format'], string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
};

function fail(res: ServerResponse, status: number, body: Envelope<never>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function serveExportDownload(backend: Backend, id: number, res: ServerResponse, headOnly: boolean): Promise<void> {
  const found = await backend.invoke('export:get', { id });
  if (!found.ok) return fail(res, 404, found);
  const row = found.value as ExportRow;
  if (row.status !== 'completed') {
    return fail(res, 409, { ok: false, error: { code: 'INVALID_INPUT', message: `export #${id} is ${row.status}; only a completed export can be downloaded` } });
  }
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(row.outPath);
  } catch {
    return fail(res, 410, { ok: false, error: { code: 'NOT_FOUND', message: `the file of export #${id} is gone: ${row.outPath}` } });
  }
  if (!stat.isFile() || stat.size !== row.bytes) {
    return fail(res, 409, { ok: false, error: { code: 'INVALID_INPUT', message: `the file of export #${id} changed since it was written (${stat.size} bytes, recorded ${row.bytes}): ${row.outPath}` } });
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[row.format],
    'Content-Length': String(stat.size),
    'Content-Disposition': contentDisposition(path.basename(row.outPath)),
    'Cache-Control': 'no-store',
    ...(row.sha256 ? { 'X-Auditlens-Sha256': row.sha256 } : {}),
  });
  if (headOnly) return void res.end();
  await pipeline(fs.createReadStream(row.outPath), res);
}
