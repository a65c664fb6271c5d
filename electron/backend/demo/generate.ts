import { pick, seededRandom, weighted } from './random.js';

/**
 * A realistic synthetic audit trail for demos, tests and benchmarks: people and API keys of a small SaaS org,
 * logins and failures (with a brute-force burst), role changes, rule and profile publishes, API key creation and
 * revocation, spec jobs on engine versions and audit-export runs. Deterministic for a given seed and end time.
 * Records are flat JSON objects with conventional field names, imported through the same pipeline as any file.
 */

export interface DemoOptions {
  events: number;
  seed?: number;
  /** Newest event time (default: now, floored to the hour). */
  end?: Date;
  /** Span covered, ending at `end` (default 30 days). */
  spanMs?: number;
}

export interface DemoRecord {
  id: string;
  timestamp: string;
  actor: string;
  actorType: 'user' | 'api_key' | 'system';
  action: string;
  category: string;
  targetType: string;
  target: string;
  outcome: 'success' | 'failure';
  severity: 'info' | 'warning' | 'critical';
  sourceIp: string;
  userAgent: string;
  location: string;
  sessionId: string | null;
  summary: string;
}

const PEOPLE = [
  'alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com', 'erin@example.com',
  'frank@example.com', 'grace@example.com', 'heidi@example.com', 'ivan@example.com', 'judy@example.com',
  'mallory@example.com', 'oscar@example.com',
];
const API_KEYS = ['ci-token', 'deploy-bot', 'terraform', 'nightly-scan'];
const HOME = [
  { ip: '203.0.113.', location: 'Berlin, DE' },
  { ip: '198.51.100.', location: 'Austin, US' },
  { ip: '192.0.2.', location: 'Bengaluru, IN' },
  { ip: '2001:db8:4::', location: 'Amsterdam, NL' },
];
const ATTACKER = { ip: '185.220.101.', location: 'Unknown' };
const AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Safari/537.36',
];
const RULES = ['no-plaintext-secrets', 'require-auth-header', 'max-payload-size', 'strict-enum-values', 'deprecated-fields'];
const PROFILES = ['payments-strict', 'public-api', 'internal-default', 'partner-gateway'];
const ENGINES = ['2.4.1', '2.5.0', '2.6.0-rc1'];
const ROLES = ['viewer', 'editor', 'admin', 'owner'];

type Kind = 'login' | 'loginFail' | 'logout' | 'rule' | 'profile' | 'specJob' | 'apiKey' | 'role' | 'user' | 'password'
  | 'export' | 'config' | 'integration';
const MIX: [Kind, number][] = [
  ['login', 30], ['loginFail', 6], ['logout', 8], ['rule', 12], ['profile', 6], ['specJob', 20], ['apiKey', 2],
  ['role', 2], ['user', 1.5], ['password', 1.5], ['export', 3], ['config', 0.6], ['integration', 1.4],
];

export function* generateDemo(options: DemoOptions): Generator<DemoRecord> {
  const rand = seededRandom(options.seed ?? 42);
  const end = (options.end ?? new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000)).getTime();
  const span = options.spanMs ?? 30 * 24 * 3_600_000;
  const n = options.events;
  const home = new Map(PEOPLE.map((p, i) => [p, HOME[i % HOME.length]]));
  const ua = new Map(PEOPLE.map((p, i) => [p, AGENTS[i % AGENTS.length]]));
  const version = new Map<string, number>();
  const burstAt = Math.floor(n * 0.8);
  for (let i = 0; i < n; i++) {
    // Evenly spread, oldest first, with jitter; a brute-force burst of failures near 80% of the span.
    const ts = Math.round(end - span + (span * (i + rand())) / n);
    const inBurst = i >= burstAt && i < burstAt + Math.min(40, Math.ceil(n / 200));
    const kind: Kind = inBurst ? 'loginFail' : weighted(rand, MIX);
    const person = inBurst ? 'mallory@example.com' : pick(rand, PEOPLE);
    const key = pick(rand, API_KEYS);
    const where = inBurst ? ATTACKER : home.get(person)!;
    const ip = where.ip.includes(':') ? `${where.ip}${1 + Math.floor(rand() * 250)}` : `${where.ip}${1 + Math.floor(rand() * 250)}`;
    const base = {
      id: `evt_${(options.seed ?? 42).toString(36)}_${i.toString(36)}`,
      timestamp: new Date(ts).toISOString(),
      sourceIp: ip,
      userAgent: ua.get(person)!,
      location: where.location,
      sessionId: `sess_${person.split('@')[0]}_${Math.floor(ts / 3_600_000) % 9973}`,
    };
    const user = { ...base, actor: person, actorType: 'user' as const };
    const bot = { ...base, actor: key, actorType: 'api_key' as const, userAgent: 'auditlens-ci/1.4 (linux)', location: 'GitHub Actions', sessionId: null };
    const system = { ...base, actor: 'system', actorType: 'system' as const, sourceIp: '10.0.0.5', userAgent: 'export-worker/3.2', location: 'internal', sessionId: null };
    const publish = (type: string, slug: string) => {
      const v = (version.get(slug) ?? 0) + 1;
      version.set(slug, v);
      return { slug, v, type };
    };
    switch (kind) {
      case 'login':
        yield { ...user, action: 'LOGIN_SUCCESS', category: 'authentication', targetType: 'session', target: base.sessionId, outcome: 'success', severity: 'info', summary: `${person} logged in` };
        break;
      case 'loginFail':
        yield { ...user, action: 'LOGIN_FAILURE', category: 'authentication', targetType: 'user', target: person, outcome: 'failure', severity: 'critical', sessionId: null, summary: `login failed for ${person} from ${ip}` };
        break;
      case 'logout':
        yield { ...user, action: 'LOGOUT', category: 'authentication', targetType: 'session', target: base.sessionId, outcome: 'success', severity: 'info', summary: `${person} logged out` };
        break;
      case 'rule': {
        const verb = weighted(rand, [['RuleCreated', 2], ['RuleDraftSaved', 4], ['RulePublished', 3], ['RuleArchived', 1]] as const);
        const { slug, v } = publish('rule', pick(rand, RULES));
        const actor = rand() < 0.2 ? bot : user;
        yield { ...actor, action: verb, category: 'configuration', targetType: 'rule', target: slug, outcome: 'success', severity: 'info', summary: `${actor.actor} ${verb.replace('Rule', '').toLowerCase()} rule ${slug} v${v}` };
        break;
      }
      case 'profile': {
        const verb = weighted(rand, [['ProfileDraftSaved', 3], ['ProfilePublished', 2], ['ProfileArchived', 0.3]] as const);
        const { slug, v } = publish('profile', pick(rand, PROFILES));
        yield { ...user, action: verb, category: 'configuration', targetType: 'profile', target: slug, outcome: 'success', severity: verb === 'ProfilePublished' ? 'warning' : 'info', summary: `${person} ${verb === 'ProfilePublished' ? 'published' : verb === 'ProfileArchived' ? 'archived' : 'saved a draft of'} profile ${slug} v${v}` };
        break;
      }
      case 'specJob': {
        const engine = pick(rand, ENGINES);
        const cancelled = rand() < 0.05;
        const actor = rand() < 0.7 ? bot : user;
        yield { ...actor, action: cancelled ? 'SpecJobCancelled' : 'SpecJobEnqueued', category: 'resource_change', targetType: 'spec_job', target: `job-${(i * 7919) % 100000}`, outcome: 'success', severity: 'info', summary: `${actor.actor} ${cancelled ? 'cancelled' : 'enqueued'} spec job on engine ${engine}` };
        break;
      }
      case 'apiKey': {
        const revoke = rand() < 0.4;
        yield { ...user, action: revoke ? 'ApiKeyRevoked' : 'ApiKeyCreated', category: 'authorization', targetType: 'api_key', target: key, outcome: 'success', severity: 'warning', summary: `API key ${key} ${revoke ? 'revoked' : 'created'} by ${person}` };
        break;
      }
      case 'role': {
        const role = pick(rand, ROLES);
        const subject = pick(rand, PEOPLE);
        yield { ...user, action: 'USER_ROLE_CHANGED', category: 'authorization', targetType: 'user', target: subject, outcome: 'success', severity: role === 'owner' || role === 'admin' ? 'critical' : 'warning', summary: `${person} changed the role of ${subject} to ${role}` };
        break;
      }
      case 'user': {
        const subject = `new.hire${i % 997}@example.com`;
        yield { ...user, action: rand() < 0.5 ? 'USER_CREATED' : 'USER_ADDED_TO_ORG', category: 'user_management', targetType: 'user', target: subject, outcome: 'success', severity: 'info', summary: `${person} added ${subject}` };
        break;
      }
      case 'password':
        yield { ...user, action: rand() < 0.7 ? 'PASSWORD_CHANGED' : 'PASSWORD_RESET_REQUESTED', category: 'authentication', targetType: 'user', target: person, outcome: 'success', severity: 'warning', summary: `${person} changed their password` };
        break;
      case 'export': {
        const stage = weighted(rand, [['AUDIT_EXPORT_STARTED', 5], ['AUDIT_EXPORT_COMPLETED', 4.5], ['AUDIT_EXPORT_FAILED', 0.5]] as const);
        yield { ...system, action: stage, category: 'export', targetType: 'audit_export', target: 's3://acme-audit-exports/org-7/', outcome: stage === 'AUDIT_EXPORT_FAILED' ? 'failure' : 'success', severity: stage === 'AUDIT_EXPORT_FAILED' ? 'warning' : 'info', summary: `audit export ${stage.split('_').pop()!.toLowerCase()}` };
        break;
      }
      case 'config': {
        const disable = rand() < 0.3;
        yield { ...user, action: disable ? 'AUDIT_CONFIG_UPDATED' : 'ORG_CONFIG_UPDATED', category: 'configuration', targetType: 'organization', target: 'org-7', outcome: 'success', severity: disable ? 'critical' : 'warning', summary: disable ? `${person} disabled audit export` : `${person} updated organization settings` };
        break;
      }
      case 'integration':
        yield { ...user, action: 'integration_credentials_updated', category: 'configuration', targetType: 'integration', target: pick(rand, ['jira', 'pagerduty', 'slack', 'github']), outcome: 'success', severity: 'warning', summary: `${person} updated integration credentials` };
        break;
    }
  }
}
