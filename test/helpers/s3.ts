import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { createS3Client, type S3ClientOptions } from '../../electron/backend/sources/s3-client.js';

/**
 * A real S3-compatible server on loopback (s3rver, filesystem-backed) and builders for CloudTrail-shaped buckets.
 * s3rver ships no types: it is loaded through require with the small surface the tests use.
 */

interface S3rverInstance {
  run(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}
type S3rverCtor = new (options: Record<string, unknown>) => S3rverInstance;
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverCtor;

/** s3rver's built-in account. */
export const S3RVER_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
  endpoint: string;
  options: S3ClientOptions;
  client: S3Client;
  close(): Promise<void>;
}

export async function startS3rver(directory: string, buckets: string[]): Promise<LocalS3> {
  const server = new S3rver({
    port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const options: S3ClientOptions = { endpoint, region: 'us-east-1', credentials: S3RVER_KEYS };
  const client = createS3Client(options);
  return {
    endpoint,
    options,
    client,
    async close() {
      client.destroy();
      await server.close();
    },
  };
}

export async function createBucket(client: S3Client, name: string): Promise<void> {
  await client.send(new CreateBucketCommand({ Bucket: name }));
}

/** A loopback port with nothing listening on it (bound, then released). */
export async function closedPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/**
 * An endpoint that answers every request with one S3 error document, the way AWS does. s3rver does not verify
 * SigV4 signatures (only the access key id), so a wrong secret can only be shown against a server that says so.
 */
export async function startErrorEndpoint(status: number, code: string, message: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': 'TEST' });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>TEST</RequestId></Error>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const ACCOUNT = '123456789012';

export interface TrailObject {
  key: string;
  body: Buffer;
  /** Delivery time in the file name. */
  time: number;
  eventIds: string[];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

let serial = 0;

/** One CloudTrail log file: `{"Records":[...]}` with `count` records, gzipped, named and filed like CloudTrail does. */
export function cloudTrailObject(region: string, time: number, count: number): TrailObject {
  const d = new Date(time);
  const [y, mo, day, h, mi] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate()), pad(d.getUTCHours()), pad(d.getUTCMinutes())];
  const stamp = `${y}${mo}${day}T${h}${mi}Z`;
  const key = `AWSLogs/${ACCOUNT}/CloudTrail/${region}/${y}/${mo}/${day}/${ACCOUNT}_CloudTrail_${region}_${stamp}_${randomBytes(8).toString('hex')}.json.gz`;
  const records = Array.from({ length: count }, (_, i) => {
    serial++;
    const user = `user${serial % 17}`;
    return {
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', arn: `arn:aws:iam::${ACCOUNT}:user/${user}`, userName: user, accountId: ACCOUNT },
      eventTime: new Date(time - (i + 1) * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      eventSource: 's3.amazonaws.com',
      eventName: serial % 5 === 0 ? 'DeleteObject' : 'GetObject',
      awsRegion: region,
      sourceIPAddress: `198.51.100.${serial % 250}`,
      userAgent: 'aws-cli/2.15.0',
      requestParameters: { bucketName: 'evidence', key: `reports/${serial}.pdf` },
      responseElements: null,
      eventID: createHash('sha256').update(`event-${serial}-${randomBytes(4).toString('hex')}`).digest('hex').slice(0, 36),
      readOnly: serial % 5 !== 0,
      eventType: 'AwsApiCall',
      recipientAccountId: ACCOUNT,
    };
  });
  return { key, body: zlib.gzipSync(JSON.stringify({ Records: records })), time, eventIds: records.map((r) => r.eventID) };
}

/** A digest file beside the trail (never imported as events). */
export function digestObject(region: string, time: number): { key: string; body: Buffer } {
  const d = new Date(time);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`;
  const folder = `AWSLogs/${ACCOUNT}/CloudTrail-Digest/${region}/${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  const body = zlib.gzipSync(JSON.stringify({ awsAccountId: ACCOUNT, digestStartTime: d.toISOString(), logFiles: [] }));
  return { key: `${folder}/${ACCOUNT}_CloudTrail-Digest_${region}_trail_${region}_${stamp}.json.gz`, body };
}

/** Uploads with bounded parallelism (s3rver writes each object to disk). */
export async function upload(
  client: S3Client,
  bucket: string,
  objects: { key: string; body: Buffer; metadata?: Record<string, string> }[],
  parallel = 16,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < objects.length) {
      const o = objects[next++];
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: o.key, Body: o.body, ContentType: 'application/json', Metadata: o.metadata }));
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

export type ProxyFault = 'deny' | 'cut' | undefined;

/**
 * A pass-through proxy in front of s3rver that can fail chosen GETs the way real networks and buckets do: `deny`
 * answers 403 AccessDenied, `cut` sends the headers and half the body, then drops the connection.
 */
export async function startFaultProxy(target: string, faultFor: (method: string, url: string) => ProxyFault): Promise<{ endpoint: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  const server = http.createServer((req, res) => {
    const fault = faultFor(req.method ?? 'GET', decodeURIComponent(req.url ?? ''));
    if (fault === 'deny') {
      req.resume();
      res.writeHead(403, { 'content-type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (up) => {
        if (fault !== 'cut') {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-length': String(body.length) });
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
        });
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
