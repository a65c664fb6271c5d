import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 (port 0) that a vendor module turns into a fake of that vendor's audit-log API.
 * It checks the credentials like the vendor (401 with a JSON message otherwise) and injects faults by request number:
 * a 429 with Retry-After, a 500, an HTML page (a proxy's login page), or a dropped connection.
 */

export interface ServedRequest {
  method: string;
  url: URL;
  body: Record<string, unknown> | null;
  headers: IncomingHttpHeaders;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  json: unknown;
}

export type Fault =
  | { kind: '429'; retryAfter: string }
  /** GitHub's primary rate limit: 403 with x-ratelimit-remaining 0 and the reset time (epoch seconds). */
  | { kind: '403-ratelimit'; resetInSeconds: number }
  /** Okta's: 429 with x-rate-limit-reset and no Retry-After. */
  | { kind: '429-reset'; resetInSeconds: number }
  | { kind: '500' }
  | { kind: 'html' }
  | { kind: 'drop' };

export interface FakeApi {
  url: string;
  /** Every request served, faults included, in order. */
  requests: ServedRequest[];
  /** Faults by 1-based request number (counting every request, retries included). Tests may add more later. */
  faults: Map<number, Fault>;
  close(): Promise<void>;
}

export interface FakeApiOptions {
  /** The Authorization header value the server accepts (e.g. `Bearer t0ken`, `SSWS t0ken`). */
  authorization: string;
  faults?: Record<number, Fault>;
}

export async function startFakeApi(route: (req: ServedRequest, origin: string) => Reply, opts: FakeApiOptions): Promise<FakeApi> {
  const requests: ServedRequest[] = [];
  const faults = new Map(Object.entries(opts.faults ?? {}).map(([k, v]) => [Number(k), v]));
  let origin = '';
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const served: ServedRequest = {
        method: req.method ?? 'GET', url: new URL(req.url ?? '/', origin), body: text ? JSON.parse(text) : null, headers: req.headers,
      };
      requests.push(served);
      const fault = faults.get(requests.length);
      const send = (status: number, body: string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(body);
      };
      if (fault?.kind === 'drop') return req.socket.destroy();
      if (fault?.kind === '429') return send(429, '{"message":"rate limited"}', { 'retry-after': fault.retryAfter });
      const reset = (n: number) => String(Math.ceil(Date.now() / 1000) + n);
      if (fault?.kind === '403-ratelimit') {
        return send(403, '{"message":"API rate limit exceeded"}', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset(fault.resetInSeconds) });
      }
      if (fault?.kind === '429-reset') return send(429, '{"errorCode":"E0000047"}', { 'x-rate-limit-reset': reset(fault.resetInSeconds) });
      if (fault?.kind === '500') return send(500, '{"message":"internal error"}');
      if (fault?.kind === 'html') {
        return send(200, '<!DOCTYPE html><html><head><title>Sign in - Corporate SSO</title></head><body>login</body></html>', {
          'content-type': 'text/html; charset=utf-8',
        });
      }
      if (req.headers.authorization !== opts.authorization) return send(401, '{"message":"Invalid credentials"}');
      const reply = route(served, origin);
      send(reply.status ?? 200, JSON.stringify(reply.json), reply.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin, requests, faults,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A Link header with rel="next" (GitHub, Okta, Auth0 style). */
export function linkHeader(next: string | null): Record<string, string> {
  return next ? { link: `<${next}>; rel="next"` } : {};
}

/** Epoch ms of the i-th event: one a minute from 2026-03-01T00:00Z. */
export function minute(i: number): number {
  return Date.UTC(2026, 2, 1) + i * 60_000;
}

export function num(v: string | null, fallback: number): number {
  return v === null || v === '' ? fallback : Number(v);
}
