import { describe, expect, it } from 'vitest';
import { atlassianFormat } from '../../electron/backend/ingest/formats/atlassian.js';
import { normalizeAtlassianDc, withDataCenterLines } from '../../electron/backend/ingest/formats/atlassian-dc.js';

const atlassianDcFormat = withDataCenterLines(atlassianFormat);

const header = ['column_1', 'column_2', 'column_3', 'column_4', 'column_5', 'column_6', 'column_7', 'column_8'];
const row = (cells: string[]) => Object.fromEntries(header.map((h, i) => [h, cells[i]]));

describe('Atlassian Data Center audit lines', () => {
  const line = row(['198.51.100.7,10.0.0.2', 'RepositoryCreatedEvent', 'jsmith', '1400681373433', 'PROJECT/payments', '{"id":2}', '@8KJQ', 'sess9']);

  it('maps the eight fields; the first forwarded address is the client', () => {
    const r = normalizeAtlassianDc(line);
    if (!r.ok) throw new Error(r.reason);
    expect(r.events[0]).toMatchObject({
      time: '2014-05-21T14:09:33.433Z', action: 'RepositoryCreatedEvent', actor: 'jsmith', actorType: 'user',
      sourceIp: '198.51.100.7', targetType: 'project', target: 'payments', vendorId: '@8KJQ', sessionId: 'sess9',
      outcome: 'unknown', attributes: { details: '{"id":2}' },
    });
  });

  it('treats - as empty and rejects lines that are not audit lines', () => {
    const r = normalizeAtlassianDc(row(['10.1.1.100', 'UserLoggedInEvent', '-', '1400681410000', '-', '-', '-', '-']));
    if (!r.ok) throw new Error(r.reason);
    expect(r.events[0]).toMatchObject({ actor: null, target: null, vendorId: null, sessionId: null });
    expect(normalizeAtlassianDc(row(['x', 'hello', 'y', 'not-a-time', '', '', '', ''])).ok).toBe(false);
  });

  it('is detected only for headerless eight-column lines of that shape', () => {
    expect(atlassianDcFormat.detect([line], { fileName: 'audit.log', csvHeader: header })).toBeGreaterThan(0.5);
    expect(atlassianDcFormat.detect([line], { fileName: 'a.csv', csvHeader: ['time', 'user'] })).toBe(0);
  });
});
