import { describe, expect, it } from 'vitest';
import { parseFile, type ParsedEvent } from '../../electron/backend/ingest/parse-file.js';
import { tempDir } from './readers-helpers.js';

// Seed 003: a failed authentication is critical, whichever vendor module read it (each chooses its own severity
// for everything else). The rule sits after the vendor mapping in the import path, so it is tested there.
const files = tempDir('auditlens-severity-');

async function parse(name: string, content: string): Promise<ParsedEvent[]> {
  const file = files.file(name, content);
  const events: ParsedEvent[] = [];
  for await (const chunk of parseFile({ file, display: name, source: 't', sha256: 'x', chunkSize: 100 }, new AbortController().signal)) {
    events.push(...chunk.events);
  }
  return events;
}

const okta = (result: string) => JSON.stringify({
  uuid: `u-${result}`, published: '2026-01-02T03:04:05.000Z', eventType: 'user.session.start',
  displayMessage: 'User login to Okta', severity: 'INFO', actor: { alternateId: 'ann@example.com', type: 'User' },
  outcome: { result }, client: { ipAddress: '198.51.100.7' },
});

describe('failed authentication severity', () => {
  it('marks an Okta failed sign-in critical and leaves the successful one at the vendor severity', async () => {
    const events = await parse('okta.jsonl', `${okta('FAILURE')}\n${okta('SUCCESS')}\n`);
    expect(events.map((e) => [e.format, e.outcome, e.severity])).toEqual([
      ['okta', 'failure', 'critical'],
      ['okta', 'success', 'info'],
    ]);
  });

  it('marks a failed login critical in an unknown JSON shape, and a failed non-authentication event not', async () => {
    const lines = [
      { timestamp: '2026-01-02T03:04:05Z', actor: 'bob@example.com', action: 'LOGIN_FAILURE', outcome: 'failure' },
      { timestamp: '2026-01-02T03:04:06Z', actor: 'bob@example.com', action: 'report.view', outcome: 'failure' },
    ];
    const events = await parse('generic.jsonl', lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(events.map((e) => [e.category, e.severity])).toEqual([
      ['authentication', 'critical'],
      ['data_access', 'info'],
    ]);
  });
});
