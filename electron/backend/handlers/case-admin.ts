import fs from 'node:fs';
import { caseOverview } from '../store/queries/case-overview.js';
import { listJournal, verifyJournal } from '../store/queries/journal.js';
import { getRetention, purgeOldEvents, retentionCutoff, setRetention } from '../store/queries/retention.js';
import { readRecentCases } from '../store/recent-cases.js';
import type { HandlerMap } from './types.js';

type CaseAdminChannel = 'journal:list' | 'journal:verify' | 'case:overview' | 'case:recent' | 'case:retention' | 'case:purge';

export const caseAdminHandlers: HandlerMap<CaseAdminChannel> = {
  'journal:list': ({ limit, before }, ctx) => listJournal(ctx.db, limit, before),
  'journal:verify': (_input, ctx) => {
    const r = verifyJournal(ctx.db);
    return r.ok
      ? { ok: true, entries: r.entries, message: `Hash chain intact: ${r.entries} entries, none edited or removed.` }
      : { ok: false, entries: r.entries, firstBad: r.firstBad, message: `Hash chain broken: ${r.problem}.` };
  },
  'case:overview': (_input, ctx) => caseOverview(ctx.db, ctx.caseFile),
  'case:recent': (_input, ctx) => {
    const list = ctx.recentCasesFile ? readRecentCases(ctx.recentCasesFile) : [];
    const withCurrent = list.some((r) => r.path === ctx.caseFile) ? list : [{ path: ctx.caseFile, openedAt: ctx.now().toISOString() }, ...list];
    return withCurrent.map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  },
  'case:retention': ({ policy }, ctx) => {
    if (policy) setRetention(ctx.db, policy);
    const r = getRetention(ctx.db);
    return { ...r, cutoff: retentionCutoff(r.policy, ctx.now()).toISOString() };
  },
  'case:purge': ({ dryRun }, ctx) => {
    const result = purgeOldEvents(ctx.db, ctx.now(), dryRun);
    if (!dryRun && result.events > 0) ctx.emit('case:changed', { path: ctx.caseFile, reason: 'purged' });
    return result;
  },
};
