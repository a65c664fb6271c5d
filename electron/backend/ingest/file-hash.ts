import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describeFsError } from './readers/source.js';

/** SHA-256 of a whole file, streamed: recorded as provenance and used to skip files imported before. */
export async function hashFile(file: string, signal?: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20, signal })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

/** Expands directories (recursively, sorted) into files; reports unreadable paths with the reason. */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; errors: { path: string; reason: string }[] }> {
  const files: string[] = [];
  const errors: { path: string; reason: string }[] = [];
  async function visit(p: string): Promise<void> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(p);
    } catch (err) {
      errors.push({ path: p, reason: describeFsError(err) });
      return;
    }
    if (stat.isDirectory()) {
      const entries = (await fs.promises.readdir(p)).filter((n) => !n.startsWith('.')).sort();
      for (const name of entries) await visit(`${p}/${name}`);
    } else if (stat.isFile()) {
      files.push(p);
    } else {
      errors.push({ path: p, reason: 'not a regular file' });
    }
  }
  for (const p of paths) await visit(p);
  return { files, errors };
}
