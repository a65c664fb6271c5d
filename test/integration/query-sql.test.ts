import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase, type Db } from '../../electron/backend/store/open.js';
import { compileQuery, whereClause } from '../../electron/backend/store/query-sql.js';
import { ipToKey } from '../../shared/query/ip.js';
import { parseQuery } from '../../shared/query/parse.js';

// Relative-time queries count back from this instant.
const NOW = new Date('2026-02-01T12:00:00.000Z');

interface Row {
  id: string;
  time?: string;
  actor?: string | null;
  actor_type?: string;
  action?: string;
  category?: string;
  target?: string;
  target_type?: string;
  outcome?: string;
  severity?: string;
  ip?: string;
  user_agent?: string;
  location?: string;
  session_id?: string;
  vendor_id?: string;
  format?: string;
  source?: string;
  summary?: string;
}

const ROWS: Row[] = [
  {
    id: 'e01', time: '2026-01-10T08:00:00.000Z', actor: 'alice@example.com', action: 'ConsoleLogin',
    category: 'authentication', ip: '10.1.2.3', summary: 'alice@example.com signed in to the console',
    user_agent: 'Mozilla/5.0 (X11; Linux x86_64)', location: 'Berlin, DE', session_id: 'sess-100', source: 'prod trail',
  },
  {
    id: 'e02', time: '2026-01-10T09:00:00.000Z', actor: 'ALICE@EXAMPLE.COM', action: 'consolelogin',
    category: 'authentication', outcome: 'failure', severity: 'warning', ip: '::ffff:10.9.9.9',
    summary: 'Failed console login for ALICE@EXAMPLE.COM',
  },
  {
    id: 'e03', actor: 'alicia@example.com', action: 'DeleteBucket', category: 'resource_change', severity: 'critical',
    target: 'prod-logs', target_type: 'bucket', ip: '192.168.1.5', summary: 'alicia deleted bucket prod-logs',
  },
  {
    id: 'e04', actor: 'bob', action: 'GetObject', category: 'data_access', ip: '2001:db8::1', target: 'report.csv',
    summary: 'bob read object report.csv',
  },
  {
    id: 'e05', actor: 'bob', action: 'GetObject', category: 'data_access', ip: '2001:DB8:0:0:0:0:0:FF',
    summary: 'bob read object payroll.csv',
  },
  { id: 'e06', actor: 'bob', action: 'PutObject', ip: '2001:db9::1', summary: 'bob wrote object notes.txt' },
  {
    id: 'e07', actor: null, actor_type: 'system', action: 'CreateUser', category: 'user_management',
    summary: 'system created user carol',
  },
  { id: 'e08', actor: '', action: 'CreateUser', summary: 'anonymous created user dave' },
  { id: 'e09', actor: 'al_ice', summary: 'underscore actor' },
  { id: 'e10', actor: 'al%ce', summary: 'percent actor' },
  { id: 'e11', actor: 'a@b', summary: 'at sign actor' },
  { id: 'e12', actor: 'a[b', summary: 'bracket actor' },
  { id: 'e13', actor: 'aAb', summary: 'mixed case actor' },
  { id: 'e14', actor: 'carol', action: 'ExportData', category: 'export', summary: 'export completed for finance team' },
  { id: 'e15', actor: 'carol', action: 'ScheduleExport', summary: 'finance export scheduled' },
  { id: 'e16', actor: 'patrick', summary: "Patrick O'Brien changed password" },
  { id: 'e17', actor: 'dave', summary: 'Café menu updated' },
  { id: 'e18', time: '2026-02-01T11:00:00.000Z', summary: 'one hour before now' },
  { id: 'e19', time: '2026-01-31T13:00:00.000Z', summary: 'twenty-three hours before now' },
  { id: 'e20', time: '2026-01-31T11:00:00.000Z', summary: 'twenty-five hours before now' },
  { id: 'e21', time: '2026-01-31T23:59:59.999Z', summary: 'last millisecond of January' },
  { id: 'e22', time: '2026-02-01T00:00:00.000Z', summary: 'first millisecond of February' },
  { id: 'e23', time: '2025-12-31T23:30:00.000Z', summary: 'new year eve in UTC' },
  { id: 'e24', ip: 'cloudtrail.amazonaws.com', summary: 'service call' },
  { id: 'e25', ip: '10.255.255.255', summary: 'top of ten slash eight' },
  { id: 'e26', ip: '11.0.0.0', summary: 'just above ten slash eight' },
  { id: 'e27', ip: '9.255.255.255', summary: 'just below ten slash eight' },
  { id: 'e28', vendor_id: 'AbC-123', summary: 'vendor id row' },
  { id: 'e29', summary: 'say "hi" to the auditors' },
  { id: 'e30', actor: 'prod-admin', target: 'prod-db-1', target_type: 'database', summary: 'prod admin touched db' },
];
const ALL = ROWS.map((r) => r.id);

let dir: string;
let db: Db;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auditlens-query-'));
  db = openCase(path.join(dir, 'case.auditlens'));
  const insert = db.prepare(`
    INSERT INTO events (id, ts, time, format, source, vendor_id, actor, actor_type, action, category, target_type,
      target, outcome, severity, source_ip, ip_key, user_agent, location, session_id, summary, raw, content_hash,
      prov_object, prov_index)
    VALUES (@id, @ts, @time, @format, @source, @vendor_id, @actor, @actor_type, @action, @category, @target_type,
      @target, @outcome, @severity, @source_ip, @ip_key, @user_agent, @location, @session_id, @summary, @raw,
      @content_hash, @prov_object, @prov_index)`);
  db.transaction(() => {
    ROWS.forEach((r, i) => {
      // Rows without a time of their own sit on 5 January, away from every boundary the time tests probe.
      const time = r.time ?? new Date(Date.UTC(2026, 0, 5, 12, i)).toISOString();
      insert.run({
        id: r.id, ts: Date.parse(time), time, format: r.format ?? 'cloudtrail', source: r.source ?? 'test',
        vendor_id: r.vendor_id ?? null, actor: r.actor === undefined ? 'someone' : r.actor,
        actor_type: r.actor_type ?? 'user', action: r.action ?? null, category: r.category ?? 'other',
        target_type: r.target_type ?? null, target: r.target ?? null, outcome: r.outcome ?? 'success',
        severity: r.severity ?? 'info', source_ip: r.ip ?? null, ip_key: r.ip ? ipToKey(r.ip) : null,
        user_agent: r.user_agent ?? null, location: r.location ?? null, session_id: r.session_id ?? null,
        summary: r.summary ?? r.id, raw: JSON.stringify(r), content_hash: `hash-${r.id}`, prov_object: 'fixture.jsonl',
        prov_index: i,
      });
    });
  })();
  // Rows go in with plain INSERTs here; the event writer normally feeds the full-text index per batch.
  db.exec(`INSERT INTO events_fts(events_fts) VALUES ('rebuild')`);
});

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The ids a query selects, in the order the events table shows them (newest first). */
function ids(query: string): string[] {
  const where = whereClause(query, NOW);
  const rows = db
    .prepare(`SELECT id FROM events WHERE ${where.sql} ORDER BY ts DESC, rowid DESC`)
    .all(...where.params) as { id: string }[];
  return rows.map((r) => r.id).sort();
}

function except(...excluded: string[]): string[] {
  return ALL.filter((id) => !excluded.includes(id));
}

function plan(query: string): string {
  const where = whereClause(query, NOW);
  const rows = db
    .prepare(`EXPLAIN QUERY PLAN SELECT * FROM events WHERE ${where.sql} ORDER BY ts DESC, rowid DESC LIMIT 200`)
    .all(...where.params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('empty query', () => {
  it('selects every event', () => {
    expect(ids('')).toEqual(ALL);
    expect(ids('   ')).toEqual(ALL);
    expect(compileQuery(null).sql).toBe('1');
  });
});

describe('field matches', () => {
  it('matches exactly, ignoring case', () => {
    expect(ids('actor:alice@example.com')).toEqual(['e01', 'e02']);
    expect(ids('actor:"ALICE@example.com"')).toEqual(['e01', 'e02']);
    expect(ids('action:CONSOLELOGIN')).toEqual(['e01', 'e02']);
    expect(ids('user:bob')).toEqual(['e04', 'e05', 'e06']);
    expect(ids('summary:"BOB READ OBJECT report.csv"')).toEqual(['e04']);
    expect(ids('location:"berlin, de" session_id:SESS-100')).toEqual(['e01']);
    expect(ids('userAgent:"mozilla/5.0 (x11; linux x86_64)"')).toEqual(['e01']);
    expect(ids('source:"PROD TRAIL"')).toEqual(['e01']);
  });

  it('matches enum fields case-insensitively', () => {
    expect(ids('outcome:FAILURE')).toEqual(['e02']);
    expect(ids('severity:critical')).toEqual(['e03']);
    expect(ids('actorType:system')).toEqual(['e07']);
    expect(ids('category:data_access')).toEqual(['e04', 'e05']);
  });

  it('compares vendor ids exactly, case included', () => {
    expect(ids('vendorId:AbC-123')).toEqual(['e28']);
    expect(ids('vendor_id:abc-123')).toEqual([]);
    expect(ids('id:e28')).toEqual(['e28']);
  });

  it('matches prefixes case-insensitively without treating _ or % as wildcards', () => {
    expect(ids('actor:ali*')).toEqual(['e01', 'e02', 'e03']);
    expect(ids('actor:ALI*')).toEqual(['e01', 'e02', 'e03']);
    expect(ids('actor:al_*')).toEqual(['e09']);
    expect(ids('actor:al%*')).toEqual(['e10']);
    expect(ids('target:prod*')).toEqual(['e03', 'e30']);
    expect(ids('targetType:"buck"*')).toEqual(['e03']);
    expect(ids('outcome:fail*')).toEqual(['e02']);
    expect(ids('id:e0*')).toEqual(ALL.filter((id) => id.startsWith('e0')));
  });

  it('keeps prefix ranges tight around characters that NOCASE folds', () => {
    // '@' sorts just before 'A'; a naive upper bound of 'a' + 'A' would let 'a[b' through, because NOCASE folds
    // 'A' to 'a' and '[' sorts between 'Z' and 'a'.
    expect(ids('actor:a@*')).toEqual(['e11']);
    expect(ids('actor:a[*')).toEqual(['e12']);
    expect(ids('actor:aa*')).toEqual(['e13']);
  });

  it('excludes with a leading minus, keeping events where the field is absent', () => {
    expect(ids('-actor:bob')).toEqual(except('e04', 'e05', 'e06'));
    expect(ids('-actor:bob')).toContain('e07');
    expect(ids('-target:prod*')).toEqual(except('e03', 'e30'));
  });

  it('binds values as parameters, never as SQL', () => {
    const where = whereClause(`actor:"x' OR 1=1 --"`);
    expect(where.sql).not.toContain('1=1');
    expect(ids(`actor:"x' OR 1=1 --"`)).toEqual([]);
  });
});

describe('has:', () => {
  it('selects events where the field is present and not empty', () => {
    expect(ids('has:actor')).toEqual(except('e07', 'e08'));
    expect(ids('-has:actor')).toEqual(['e07', 'e08']);
    expect(ids('actor:*')).toEqual(except('e07', 'e08'));
    expect(ids('has:vendorId')).toEqual(['e28']);
    expect(ids('has:ip')).toEqual(['e01', 'e02', 'e03', 'e04', 'e05', 'e06', 'e24', 'e25', 'e26', 'e27']);
  });
});

describe('ip:', () => {
  it('matches IPv4 CIDR blocks, including IPv4-mapped IPv6 addresses, up to the block edges', () => {
    expect(ids('ip:10.0.0.0/8')).toEqual(['e01', 'e02', 'e25']);
    expect(ids('ip:::ffff:10.0.0.0/104')).toEqual(['e01', 'e02', 'e25']);
    expect(ids('ip:192.168.0.0/16')).toEqual(['e03']);
    expect(ids('ip:0.0.0.0/0')).toEqual(['e01', 'e02', 'e03', 'e25', 'e26', 'e27']);
  });

  it('matches IPv6 CIDR blocks', () => {
    expect(ids('ip:2001:db8::/32')).toEqual(['e04', 'e05']);
    expect(ids('ip:2001:db8::/127')).toEqual(['e04']);
    expect(ids('ip:2000::/3')).toEqual(['e04', 'e05', 'e06']);
  });

  it('matches single addresses in any spelling', () => {
    expect(ids('ip:10.9.9.9')).toEqual(['e02']);
    expect(ids('ip:::ffff:10.1.2.3')).toEqual(['e01']);
    expect(ids('ip:2001:0db8:0000::00ff')).toEqual(['e05']);
  });

  it('matches host names logged in place of an address', () => {
    expect(ids('ip:CloudTrail.amazonaws.com')).toEqual(['e24']);
    expect(ids('ip:cloudtrail.*')).toEqual(['e24']);
    expect(ids('ip:10.1.*')).toEqual(['e01']);
  });

  it('excludes a block while keeping events without an address', () => {
    expect(ids('-ip:10.0.0.0/8')).toEqual(except('e01', 'e02', 'e25'));
  });
});

describe('time', () => {
  it('compares with relative times counted from the injected now', () => {
    expect(ids('time>-24h')).toEqual(['e18', 'e19', 'e21', 'e22']);
    expect(ids('time>=-2h time<now')).toEqual(['e18']);
    expect(ids('time>=-1w')).toEqual(['e18', 'e19', 'e20', 'e21', 'e22']);
    expect(ids('time<-31d')).toEqual(['e23']);
  });

  it('treats a date as the whole UTC day', () => {
    expect(ids('time=2026-01-31')).toEqual(['e19', 'e20', 'e21']);
    expect(ids('time:2026-01-31')).toEqual(['e19', 'e20', 'e21']);
    expect(ids('time>2026-01-31')).toEqual(['e18', 'e22']);
    expect(ids('time>=2026-02-01')).toEqual(['e18', 'e22']);
    expect(ids('time<2026-01-01')).toEqual(['e23']);
    expect(ids('time>=2026-01-31 time<=2026-01-31')).toEqual(['e19', 'e20', 'e21']);
  });

  it('honours zones and the precision a date-time is written in', () => {
    // 00:30 at +01:00 is 23:30 UTC on the 31st, when e23 happened; the value names that whole minute.
    expect(ids('time<2026-01-01T00:30+01:00')).toEqual([]);
    expect(ids('time<=2026-01-01T00:30+01:00')).toEqual(['e23']);
    expect(ids('time=2025-12-31T23:30:00Z')).toEqual(['e23']);
    expect(ids('time>=2026-01-31T23:59:59.999Z time<2026-02-01T00:00:00.001')).toEqual(['e21', 'e22']);
  });
});

describe('full text', () => {
  it('ANDs bare words and matches prefixes', () => {
    expect(ids('finance export')).toEqual(['e14', 'e15']);
    expect(ids('finance scheduled')).toEqual(['e15']);
    expect(ids('expo*')).toEqual(['e14', 'e15']);
  });

  it('matches quoted phrases in order only', () => {
    expect(ids('"export completed"')).toEqual(['e14']);
    expect(ids('"completed export"')).toEqual([]);
    expect(ids('"say \\"hi\\""')).toEqual(['e29']);
  });

  it('never lets user text act as FTS5 syntax', () => {
    expect(ids('"bob OR alice"')).toEqual([]);
    expect(ids('bob OR alice')).toEqual(['e01', 'e02', 'e04', 'e05', 'e06']);
    expect(ids('o"brien')).toEqual(['e16']);
    expect(ids('alice@example.com')).toEqual(['e01', 'e02']);
  });

  it('folds diacritics and excludes words', () => {
    expect(ids('cafe')).toEqual(['e17']);
    expect(ids('export -scheduled')).toEqual(['e14']);
    expect(ids('-bob')).toEqual(except('e04', 'e05', 'e06'));
  });
});

describe('boolean structure', () => {
  it('combines OR, implicit AND, NOT and parentheses with the usual precedence', () => {
    expect(ids('actor:bob OR actor:carol')).toEqual(['e04', 'e05', 'e06', 'e14', 'e15']);
    expect(ids('(actor:bob OR actor:carol) -action:GetObject')).toEqual(['e06', 'e14', 'e15']);
    expect(ids('actor:bob OR actor:carol action:ExportData')).toEqual(['e04', 'e05', 'e06', 'e14']);
    expect(ids('ip:2000::/3 NOT action:PutObject')).toEqual(['e04', 'e05']);
    expect(ids('actor:bob AND -(action:GetObject OR ip:10.0.0.0/8)')).toEqual(['e06']);
    expect(ids('-(actor:bob OR actor:carol)')).toEqual(except('e04', 'e05', 'e06', 'e14', 'e15'));
  });

  it('mixes full text with fields inside groups', () => {
    expect(ids('(finance OR bob) -outcome:failure object')).toEqual(['e04', 'e05', 'e06']);
    expect(ids('finance OR actor:patrick')).toEqual(['e14', 'e15', 'e16']);
  });

  it('splits the events exactly in two between a query and its negation', () => {
    for (const q of ['actor:ali*', 'has:target', 'ip:10.0.0.0/8 OR finance', 'action:CreateUser -actor:*']) {
      const inside = ids(q);
      const outside = ids(`-(${q})`);
      expect([...inside, ...outside].sort()).toEqual(ALL);
      expect(inside.filter((id) => outside.includes(id))).toEqual([]);
    }
  });
});

describe('index use', () => {
  it('uses the actor index for actor equality and prefixes', () => {
    expect(plan('actor:bob')).toMatch(/USING INDEX events_by_actor_ts/);
    expect(plan('actor:ali*')).toMatch(/USING INDEX events_by_actor_ts/);
  });

  it('uses the ip_key index for CIDR blocks and addresses', () => {
    expect(plan('ip:10.0.0.0/8')).toMatch(/USING INDEX events_by_ip_key/);
    expect(plan('ip:2001:db8::1')).toMatch(/USING INDEX events_by_ip_key/);
  });

  it('uses the outcome index for enum prefixes and the ts index for time ranges', () => {
    expect(plan('outcome:fail*')).toMatch(/USING INDEX events_by_outcome_ts/);
    expect(plan('time>=2026-01-01 time<2026-02-01')).toMatch(/events_by_ts/);
  });

  it('answers full-text terms from the FTS index', () => {
    expect(plan('finance export')).toMatch(/VIRTUAL TABLE INDEX/);
    expect(parseQuery('finance export')).toMatchObject({ kind: 'and' });
  });
});
