import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Envelope } from '../../shared/errors.js';
import type { Backend } from '../backend/backend.js';
import { DOWNLOAD_PATH, serveDownload } from './file-download.js';
import { originAllowed, SECURITY_HEADERS, tokenMatches } from './security.js';
import { serveStatic } from './static.js';

/**
 * The browser host: the built renderer plus the contract over HTTP (requests) and WebSocket (pushed events), on
 * 127.0.0.1 only, behind a random per-run token that the printed URL carries.
 */

export interface WebHostOptions {
  backend: Backend;
  port?: number;
  token?: string;
  /** Built renderer (defaults to dist/renderer next to this file's dist/ folder). */
  staticDir?: string;
  /** Where uploaded files are kept (defaults to `<case file>.uploads/`). */
  uploadDir?: string;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  broadcast(event: string, payload: unknown): void;
  close(): Promise<void>;
}

const MAX_JSON_BODY = 1024 * 1024;

export function defaultStaticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // dist/electron/web -> dist/renderer; electron/web (tsx, tests) -> dist/renderer
  const candidates = [path.resolve(here, '../../renderer'), path.resolve(here, '../../dist/renderer')];
  return candidates.find((c) => fs.existsSync(path.join(c, 'index.html'))) ?? candidates[0];
}

function sendJson(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'UNAUTHORIZED', message } });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY) throw new Error('request body larger than 1 MB');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

function safeUploadName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/[^\w.\-+@ ]/g, '_').slice(0, 200);
  return base || 'upload';
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = options.staticDir ?? defaultStaticDir();
  const uploadDir = () => options.uploadDir ?? `${options.backend.context.caseFile}.uploads`;
  let port = 0;

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!originAllowed(req, port)) return refuse(res, 403, 'forbidden host or origin');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
      return serveStatic(staticDir, url.pathname, res);
    }
    const download = DOWNLOAD_PATH.exec(url.pathname);
    // A download is a plain link: its token may come as ?token= (as for the WebSocket), the header still works.
    const given = (req.headers['x-auditlens-token'] as string | undefined) ?? (download ? url.searchParams.get('token') : null);
    if (!tokenMatches(token, given)) {
      return refuse(res, 401, 'missing or wrong token: open the URL that `auditlens serve` printed');
    }
    if (download && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveDownload(options.backend, download, res, req.method === 'HEAD').catch(() => res.destroy());
    }
    if (req.method !== 'POST') return refuse(res, 405, 'method not allowed');
    try {
      if (url.pathname.startsWith('/api/invoke/')) {
        const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
        let input: unknown;
        try {
          input = await readJson(req);
        } catch (err) {
          return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: `request body is not JSON: ${(err as Error).message}` } });
        }
        return sendJson(res, 200, await options.backend.invoke(channel, input));
      }
      if (url.pathname === '/api/upload') {
        const name = safeUploadName(url.searchParams.get('name') ?? 'upload');
        const dir = uploadDir();
        await fs.promises.mkdir(dir, { recursive: true });
        const file = path.join(dir, `${Date.now()}-${randomBytes(4).toString('hex')}-${name}`);
        await pipeline(req, fs.createWriteStream(file));
        return sendJson(res, 200, { ok: true, value: { path: file } });
      }
      return sendJson(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: `no such endpoint ${url.pathname}` } });
    } catch (err) {
      return sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: (err as Error).message } });
    }
  });

  const wss = new WebSocketServer({ noServer: true });
  const clients = new Set<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/api/events' || !originAllowed(req, port) || !tokenMatches(token, url.searchParams.get('token'))) {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    broadcast(event, payload) {
      const message = JSON.stringify({ event, payload });
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(message);
    },
    async close() {
      for (const ws of clients) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
