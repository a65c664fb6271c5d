import { useEffect, useState } from 'react';
import type { SourceCoverage as Coverage } from '../../../../shared/contract/channels.js';
import { api, errorMessage } from '../../api/index.js';
import { formatInt } from '../../lib/format.js';

const ELEMENTS: [keyof Coverage['missing'], string][] = [
  ['user', 'User'], ['eventType', 'Event type'], ['time', 'Time'], ['outcome', 'Success/failure'], ['origin', 'Origin'],
  ['resource', 'Affected resource'],
];

function gap(n: number, of: number): string {
  return n === 0 ? '✓' : `${formatInt(n)} (${((100 * n) / of).toFixed(1)}%)`;
}

/** Per source: events lacking each element of PCI DSS 10.2.2, so an auditor sees what the trail can prove. */
export function SourceCoverage({ version }: { version: number }) {
  const [rows, setRows] = useState<Coverage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.invoke('sources:coverage', {}).then(setRows, (e: unknown) => setError(errorMessage(e)));
  }, [version]);
  if (error) return <p className="error" role="alert">{error}</p>;
  return (
    <>
      <h3>Coverage per source (events missing each PCI DSS 10.2.2 element)</h3>
      <div className="log-scroll">
        <table className="plain" data-testid="coverage-table">
          <thead>
            <tr>
              <th>Source</th>
              <th>Formats</th>
              <th className="num">Events</th>
              {ELEMENTS.map(([key, label]) => (
                <th key={key} className="num">{label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows?.map((r) => (
              <tr key={r.source} data-testid="coverage-row">
                <td className="ellipsis" title={r.source}>{r.source}</td>
                <td>{r.formats.join(', ')}</td>
                <td className="num">{formatInt(r.events)}</td>
                {ELEMENTS.map(([key]) => (
                  <td key={key} className="num">{gap(r.missing[key], r.events)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
