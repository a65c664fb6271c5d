import http from 'node:http';
import type { WebHost } from '../../electron/web/server.js';

export interface WebResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A plain GET (or HEAD) to a running web host, body read whole: how a browser follows a download link. */
export function webGet(h: WebHost, urlPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<WebResponse> {
  return new Promise((resolve, reject) => {
    http
      .request({ host: '127.0.0.1', port: h.port, path: urlPath, headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject)
      .end();
  });
}
