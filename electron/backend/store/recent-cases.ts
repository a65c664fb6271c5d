import fs from 'node:fs';
import path from 'node:path';
import { userDataDir } from './default-case.js';

/**
 * Recent cases, kept by the host beside the default case (recent-cases.json in the user data directory), so the
 * Case menu can reopen them. Not case evidence: a missing or unreadable file is simply an empty list.
 */

const MAX_RECENT = 12;

export interface RecentCase {
  path: string;
  openedAt: string;
}

export function recentCasesPath(): string {
  return path.join(userDataDir(), 'recent-cases.json');
}

export function readRecentCases(file: string): RecentCase[] {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(parsed)
      ? parsed.filter((r): r is RecentCase => typeof r?.path === 'string' && typeof r?.openedAt === 'string')
      : [];
  } catch {
    return [];
  }
}

/** Moves `casePath` to the top; written to a temporary file and renamed, so a crash never leaves half a list. */
export function rememberCase(file: string, casePath: string, now: Date): void {
  const list = [{ path: casePath, openedAt: now.toISOString() }, ...readRecentCases(file).filter((r) => r.path !== casePath)];
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(list.slice(0, MAX_RECENT), null, 2));
    fs.renameSync(tmp, file);
  } catch {
    // A read-only data directory loses the recent list, never the case.
  }
}
