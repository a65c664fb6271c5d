import { describe, expect, it } from 'vitest';
import { detectFormat, detectFormatWithConfidence } from '../../electron/backend/ingest/formats/detect.js';
import { ENTITY_CSV_COLUMNS } from '../../electron/backend/ingest/formats/entity-csv.js';
import { batchItems } from '../../electron/backend/ingest/formats/envelope.js';
import { FORMATS } from '../../electron/backend/ingest/formats/registry.js';
import type { FormatModule } from '../../electron/backend/ingest/formats/types.js';
import { FORMAT_IDS } from '../../shared/model/event.js';

const jsonCtx = { fileName: 'x.jsonl', csvHeader: null };

function fake(id: string, confidence: number | (() => number)): FormatModule {
  return {
    id, label: id,
    detect: typeof confidence === 'function' ? confidence : () => confidence,
    normalize: () => ({ ok: false, reason: 'fake' }),
  };
}

describe('detectFormat', () => {
  it('registers only known, unique format ids', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(FORMAT_IDS).toContain(id);
  });

  it('falls back to the generic json or csv mapper', () => {
    expect(detectFormat([{ foo: 1 }], jsonCtx).id).toBe('json');
    expect(detectFormat(['just text'], jsonCtx).id).toBe('json');
    expect(detectFormat([{ a: '1' }], { fileName: 'x.csv', csvHeader: ['a'] }).id).toBe('csv');
  });

  it('picks the entity export by its header', () => {
    expect(detectFormat([], { fileName: 'audit.csv', csvHeader: [...ENTITY_CSV_COLUMNS] }).id).toBe('entity-csv');
  });

  it('takes the highest confidence, ties to the earlier module, and survives a throwing detector', () => {
    const boom = fake('boom', () => { throw new Error('bad detector'); });
    const r = detectFormatWithConfidence([{}], jsonCtx, [boom, fake('a', 0.5), fake('b', 0.7), fake('c', 0.7)]);
    expect(r).toMatchObject({ confidence: 0.7 });
    expect(r.format.id).toBe('b');
  });
});

// One minimal record per vendor, in each vendor's documented shape: every module must win its own format and only it.
const SAMPLES: Record<string, unknown> = {
  cloudtrail: { eventVersion: '1.08', eventTime: '2024-02-01T08:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', userIdentity: { type: 'IAMUser' } },
  okta: { uuid: 'u', published: '2024-02-01T08:00:00Z', eventType: 'user.session.start', actor: { alternateId: 'a@example.com' }, outcome: { result: 'SUCCESS' } },
  github: { '@timestamp': 1706774400000, _document_id: 'd', action: 'repo.create', actor: 'octocat', org: 'acme' },
  k8s: { kind: 'Event', apiVersion: 'audit.k8s.io/v1', auditID: 'a', stage: 'ResponseComplete', verb: 'get', requestReceivedTimestamp: '2024-02-01T08:00:00Z' },
  gcp: { insertId: 'i', logName: 'projects/p/logs/cloudaudit.googleapis.com%2Factivity', protoPayload: { '@type': 'type.googleapis.com/google.cloud.audit.AuditLog', methodName: 'm' }, timestamp: '2024-02-01T08:00:00Z' },
  'azure-activity': { eventTimestamp: '2024-02-01T08:00:00Z', operationName: { value: 'Microsoft.Compute/disks/write' }, caller: 'a@example.com' },
  entra: { id: 'x', activityDateTime: '2024-02-01T08:00:00Z', activityDisplayName: 'Add user', initiatedBy: { user: { userPrincipalName: 'a@example.com' } } },
  m365: { CreationTime: '2024-02-01T08:00:00', Id: 'i', Operation: 'FileAccessed', RecordType: 6, Workload: 'SharePoint', UserId: 'a@example.com' },
  slack: { id: 'i', date_create: 1706774400, action: 'user_login', actor: { type: 'user', user: { email: 'a@example.com' } }, context: { ip_address: '192.0.2.1' } },
  auth0: { log_id: 'l', date: '2024-02-01T08:00:00Z', type: 's', client_id: 'c', description: 'Success Login' },
  onepassword: { uuid: 'u', timestamp: '2024-02-01T08:00:00Z', category: 'success', type: 'credentials_ok', target_user: { email: 'a@example.com' } },
  atlassian: { id: 'i', attributes: { time: '2024-02-01T08:00:00Z', action: 'user_login', actor: { email: 'a@example.com' } } },
  salesforce: { EVENT_TYPE: 'Login', TIMESTAMP: '20240201080000.000', USER_ID: '005' },
  workspace: { id: { time: '2024-02-01T08:00:00Z', uniqueQualifier: '1', applicationName: 'login' }, actor: { email: 'a@example.com' }, events: [{ name: 'login_success' }] },
  cloudflare: { id: 'i', when: '2024-02-01T08:00:00Z', action: { type: 'login', result: true }, actor: { email: 'a@example.com', type: 'user' } },
  'entity-csv': { occurredAt: '2024-02-01T08:00:00Z', actor: 'a', entityType: 'Rule', entitySlug: 'r', entityVersion: '1', action: 'RuleCreated', engineVersion: '', clientIp: '', payload: '' },
  writeback: { id: 1, created_at: '2024-02-01T08:00:00Z', action: 'ticket_created', user_email: 'a@x.example', target_type: 'ticket', target_id: 'T-1', details: { response: { status: 201 } } },
};

describe('detectFormat across vendors', () => {
  for (const [id, record] of Object.entries(SAMPLES)) {
    it(`picks ${id} for its own records and normalizes them`, () => {
      const format = detectFormat([record, record], jsonCtx);
      expect(format.id).toBe(id);
      const r = format.normalize(record, jsonCtx);
      expect(r.ok ? r.events[0].time : r.reason).toBe('2024-02-01T08:00:00.000Z');
    });
  }

  it('covers every registered vendor module', () => {
    const vendorIds = FORMATS.map((f) => f.id).filter((id) => id !== 'json' && id !== 'csv');
    expect(Object.keys(SAMPLES).sort()).toEqual(vendorIds.sort());
  });
});

describe('batchItems', () => {
  it('finds the element array of known batch shapes only', () => {
    expect(batchItems({ Records: [{ a: 1 }] })).toEqual({ key: 'Records', items: [{ a: 1 }] });
    expect(batchItems({ records: [{ a: 1 }] })?.key).toBe('records');
    expect(batchItems({ kind: 'EventList', apiVersion: 'v1', metadata: {}, items: [{ a: 1 }] })?.key).toBe('items');
    // A record that merely has an array field is not a batch.
    expect(batchItems({ a: 1, b: 2, c: 3, d: 4, items: [{ x: 1 }] })).toBeNull();
    expect(batchItems({ Records: ['text'] })).toBeNull();
    expect(batchItems([1])).toBeNull();
  });
});
