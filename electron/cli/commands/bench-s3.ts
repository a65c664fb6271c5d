import { PutObjectCommand } from '@aws-sdk/client-s3';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import { createBackend } from '../../backend/backend.js';
import { toCloudTrailRecord } from '../../backend/demo/cloudtrail-shape.js';
import { generateDemo } from '../../backend/demo/generate.js';
import { createS3Client } from '../../backend/sources/s3-client.js';
import { pullS3 } from '../../backend/sources/s3-pull.js';
import { openCase } from '../../backend/store/open.js';

/**
 * S3 pull against the local-file import of the same data (issue target: the pull reaches >= 70 % of the local rate).
 * The events are written as gzipped CloudTrail log files (`{"Records": [...]}`, 200 records each, CloudTrail's key
 * layout), once to a folder and once to s3rver on 127.0.0.1. s3rver runs in its own thread so serving the bytes does
 * not share the pull's event loop (on real S3 the server is elsewhere too). Timed: the local `import DIR` job, and
 * the whole `import s3://` pull (LIST, GET, hash, decompress, parse, insert).
 */

const RECORDS_PER_OBJECT = 200;
const ACCOUNT = '123456789012';
const END = new Date('2026-06-30T00:00:00Z');

interface TrailFile {
  key: string;
  body: Buffer;
}

function trailFiles(events: number): TrailFile[] {
  const files: TrailFile[] = [];
  let batch: Record<string, unknown>[] = [];
  const flush = () => {
    const t = new Date(String(batch[batch.length - 1].eventTime));
    const day = t.toISOString().slice(0, 10).replace(/-/g, '/');
    const stamp = t.toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
    const key = `AWSLogs/${ACCOUNT}/CloudTrail/us-east-1/${day}/${ACCOUNT}_CloudTrail_us-east-1_${stamp}_${String(files.length).padStart(6, '0')}.json.gz`;
    files.push({ key, body: zlib.gzipSync(JSON.stringify({ Records: batch })) });
    batch = [];
  };
  for (const r of generateDemo({ events, seed: 11, end: END, spanMs: 30 * 86_400_000 })) {
    batch.push(toCloudTrailRecord(r));
    if (batch.length === RECORDS_PER_OBJECT) flush();
  }
  if (batch.length) flush();
  return files;
}

/** s3rver in a worker thread; resolves with its endpoint and a stopper. */
async function startS3rverThread(directory: string): Promise<{ endpoint: string; stop: () => Promise<number> }> {
  const modulePath = createRequire(import.meta.url).resolve('s3rver');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const S3rver = require(workerData.modulePath);
     new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: workerData.directory, configureBuckets: [{ name: 'bench' }] })
       .run().then(({ port }) => parentPort.postMessage(port), (e) => { throw e; });`,
    { eval: true, workerData: { modulePath, directory } },
  );
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  return { endpoint: `http://127.0.0.1:${port}`, stop: () => worker.terminate() };
}

export async function benchS3(dir: string, events: number, log: (s: string) => void): Promise<void> {
  let s3rverAvailable = true;
  try {
    createRequire(import.meta.url).resolve('s3rver');
  } catch {
    s3rverAvailable = false;
  }
  const files = trailFiles(events);
  const local = path.join(dir, 's3-bench-local');
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(local, f.key)), { recursive: true });
    fs.writeFileSync(path.join(local, f.key), f.body);
  }
  const mb = files.reduce((n, f) => n + f.body.length, 0) / 1e6;

  const localCase = path.join(dir, 's3-bench-local.auditlens');
  const backend = createBackend({ caseFile: localCase });
  let localMs: number;
  try {
    const t0 = performance.now();
    const job = await backend.context.jobs.startImport(localCase, { paths: [local], source: 'bench-s3' }).done;
    localMs = performance.now() - t0;
    if (job.status !== 'completed' || job.progress.inserted !== events) {
      throw new Error(`bench local import did not complete: ${job.status} ${job.error ?? ''} inserted ${job.progress.inserted}/${events}`);
    }
  } finally {
    await backend.close();
  }
  const rate = (ms: number) => `${Math.round(events / (ms / 1000)).toLocaleString('en-US')} events/s`;
  log('');
  log(`| S3 pull vs local files (${events.toLocaleString('en-US')} events, ${files.length} gzipped CloudTrail objects, ${mb.toFixed(1)} MB) | time | rate | vs local |`);
  log(`|---|---:|---:|---:|`);
  log(`| local: import the folder of .json.gz files | ${(localMs / 1000).toFixed(2)} s | ${rate(localMs)} | 100% |`);
  if (!s3rverAvailable) {
    log(`| S3: pull from s3rver on 127.0.0.1 | n/a | | s3rver is a dev dependency (npm install in the repository) |`);
    return;
  }

  const server = await startS3rverThread(path.join(dir, 's3-bench-s3rver'));
  const options = { endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } };
  const uploader = createS3Client(options);
  try {
    let next = 0;
    const put = async () => {
      while (next < files.length) {
        const f = files[next++];
        await uploader.send(new PutObjectCommand({ Bucket: 'bench', Key: f.key, Body: f.body }));
      }
    };
    await Promise.all(Array.from({ length: 16 }, put));
    const s3Case = path.join(dir, 's3-bench-pull.auditlens');
    const db = openCase(s3Case);
    try {
      const t0 = performance.now();
      const summary = await pullS3({ db, bucket: 'bench', prefix: 'AWSLogs/', client: options, jobId: 'bench-s3', concurrency: 8 });
      const s3Ms = performance.now() - t0;
      if (summary.events !== events || summary.failed.length > 0) {
        throw new Error(`bench S3 pull incomplete: ${summary.events}/${events} events, ${summary.failed.length} failed`);
      }
      const ratio = (100 * localMs) / s3Ms;
      log(`| S3: pull from s3rver on 127.0.0.1 (8 parallel downloads) | ${(s3Ms / 1000).toFixed(2)} s | ${rate(s3Ms)} | ${ratio.toFixed(0)}% (target >= 70%) |`);
    } finally {
      db.close();
    }
  } finally {
    uploader.destroy();
    await server.stop();
  }
}
