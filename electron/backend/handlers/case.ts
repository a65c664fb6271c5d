import type { CaseInfo } from '../../../shared/contract/channels.js';
import type { BackendContext } from '../context.js';
import { caseId } from '../store/open.js';
import type { HandlerMap } from './types.js';

export function caseInfo(ctx: BackendContext): CaseInfo {
  const { db } = ctx;
  const stats = db
    .prepare(`SELECT count(*) AS events, min(ts) AS lo, max(ts) AS hi FROM events`)
    .get() as { events: number; lo: number | null; hi: number | null };
  const imports = (db.prepare('SELECT count(*) AS n FROM imports').get() as { n: number }).n;
  const rejects = (db.prepare('SELECT count(*) AS n FROM rejects').get() as { n: number }).n;
  return {
    path: ctx.caseFile,
    caseId: caseId(db),
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    events: stats.events,
    imports,
    rejects,
    firstTime: stats.lo === null ? null : new Date(stats.lo).toISOString(),
    lastTime: stats.hi === null ? null : new Date(stats.hi).toISOString(),
  };
}

export const caseHandlers: HandlerMap<'case:info' | 'case:open' | 'case:new'> = {
  'case:info': (_input, ctx) => caseInfo(ctx),
  'case:open': async ({ path }, ctx) => {
    await ctx.switchCase(path, false);
    ctx.emit('case:changed', { path: ctx.caseFile, reason: 'opened' });
    return caseInfo(ctx);
  },
  'case:new': async ({ path }, ctx) => {
    await ctx.switchCase(path, true);
    ctx.emit('case:changed', { path: ctx.caseFile, reason: 'created' });
    return caseInfo(ctx);
  },
};
