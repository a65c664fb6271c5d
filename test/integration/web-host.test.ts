import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createBackend, type Backend } from '../../electron/backend/backend.js';
import { SCHEMA_VERSION } from '../../electron/backend/store/migrations/index.js';
import { startWebHost, type WebHost } from '../../electron/web/server.js';
import { useTempDir } from '../helpers/temp.js';

const tempDir = useTempDir();
let backend: Backend | null = null;
let host: WebHost | null = null;

afterEach(async () => {
  await host?.close();
  await backend?.close();
  host = null;
  backend = null;
});

async function start(): Promise<WebHost> {
  const dir = tempDir();
  backend = createBackend({ caseFile: path.join(dir, 'web.auditlens'), emit: (e, p) => host?.broadcast(e, p) });
  host = await startWebHost({ backend, port: 0, staticDir: dir });
  return host;
}

function request(h: WebHost, urlPath: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: h.port, path: urlPath, method: init.method ?? 'POST', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    const h = await start();
    expect(h.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${h.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('refuses requests without the token, with a wrong token, or from a foreign origin', async () => {
    const h = await start();
    expect((await request(h, '/api/invoke/case:info', { body: '{}' })).status).toBe(401);
    expect((await request(h, '/api/invoke/case:info', { headers: { 'x-auditlens-token': 'nope' }, body: '{}' })).status).toBe(401);
    const foreign = await request(h, '/api/invoke/case:info', {
      headers: { 'x-auditlens-token': h.token, origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    const rebinding = await request(h, '/api/invoke/case:info', { headers: { 'x-auditlens-token': h.token, host: 'evil.example' }, body: '{}' });
    expect(rebinding.status).toBe(403);
  });

  it('answers typed envelopes: values, INVALID_INPUT, NOT_FOUND, QUERY_SYNTAX', async () => {
    const h = await start();
    const headers = { 'x-auditlens-token': h.token, 'content-type': 'application/json' };
    const info = JSON.parse((await request(h, '/api/invoke/case:info', { headers, body: '{}' })).body);
    expect(info).toMatchObject({ ok: true, value: { events: 0, schemaVersion: SCHEMA_VERSION } });
    const bad = JSON.parse((await request(h, '/api/invoke/events:window', { headers, body: '{"query":"","order":"sideways","offset":0,"limit":10}' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(bad.error.message).toContain('order');
    const unknown = JSON.parse((await request(h, '/api/invoke/events:drop', { headers, body: '{}' })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const syntax = JSON.parse((await request(h, '/api/invoke/events:count', { headers, body: '{"query":"acter:bob","exact":false}' })).body);
    expect(syntax).toMatchObject({ ok: false, error: { code: 'QUERY_SYNTAX' } });
    const notJson = JSON.parse((await request(h, '/api/invoke/case:info', { headers, body: '{nope' })).body);
    expect(notJson).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a WebSocket without the token', async () => {
    const h = await start();
    const ws = new WebSocket(`ws://127.0.0.1:${h.port}/api/events?token=wrong`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });
});
