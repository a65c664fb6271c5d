import fs from 'node:fs';

/** The Auditlens version recorded in query.json: package.json, found from sources or from the built dist/. */
export function toolVersion(): string {
  for (const rel of ['../../../package.json', '../../../../package.json']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'auditlens' && pkg.version) return pkg.version;
    } catch {
      // not at this level: try the next one
    }
  }
  return 'unknown';
}
