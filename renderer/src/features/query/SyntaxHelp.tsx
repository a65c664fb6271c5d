import { FIELD_NAMES, FIELDS } from '../../../../shared/query/fields.js';
import { MAX_REGEX_LENGTH } from '../../../../shared/query/regex.js';
import { Popover } from '../../components/Popover.js';

const EXAMPLES: [string, string][] = [
  ['actor:alice@example.com', 'field equals a value (case-insensitive)'],
  ['action:LOGIN*', 'prefix match'],
  ['-outcome:success', 'exclude (also NOT)'],
  ['"exact phrase"', 'phrase anywhere in the summary and text'],
  ['time>=2026-01-01 time<2026-02-01', 'time range (UTC unless a zone is given)'],
  ['time>-24h', 'relative time: -30m, -24h, -7d, -2w'],
  ['ip:10.0.0.0/8', 'address or CIDR block (IPv4/IPv6)'],
  ['actor:alice OR actor:bob', 'either (AND is implied between terms)'],
  ['(action:Delete* OR action:Put*) severity:critical', 'parentheses group'],
  ['has:sessionId', 'field present; -has:field for absent'],
  ['NOT (actor:alice OR actor:bob)', 'exclude a whole group (NOT or -)'],
  ['action:/^(Get|Put)Object$/', 'regular expression, case-insensitive (bounded: see below)'],
  ['tag:phishing', 'events you tagged; tag:phish* by prefix, has:tag for any'],
  ['is:starred', 'events you starred'],
  ['comment:exfil', 'words in your comments; has:comment for any'],
];

interface Props {
  onInsert: (example: string) => void;
}

/** "?" next to the query box: fields and examples; clicking an example puts it in the box. */
export function SyntaxHelp({ onInsert }: Props) {
  return (
    <Popover label="?" buttonLabel="Query syntax help" align="right" testId="query-help" className="help-anchor">
      {(close) => (
        <div className="syntax-help">
          <h3>Examples</h3>
          <ul className="examples">
            {EXAMPLES.map(([ex, what]) => (
              <li key={ex}>
                <button type="button" className="link mono" onClick={() => (onInsert(ex), close())}>
                  {ex}
                </button>
                <span className="muted">{what}</span>
              </li>
            ))}
          </ul>
          <h3>Fields</h3>
          <table className="plain fields">
            <tbody>
              {FIELD_NAMES.map((name) => {
                const f = FIELDS[name];
                return (
                  <tr key={name}>
                    <td className="mono">
                      {name}
                      {f.aliases.length ? <span className="muted"> ({f.aliases.join(', ')})</span> : null}
                    </td>
                    <td>
                      {f.description}
                      {f.values ? <span className="muted"> — {f.values.join(', ')}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <h3>How terms combine</h3>
          <p>
            <code>NOT</code> / <code>-</code> binds tightest, then <code>AND</code> (or just a space), then <code>OR</code>:{' '}
            <code>a b OR c</code> is <code>(a AND b) OR c</code>. Use parentheses to group.
          </p>
          <h3>Regular expressions</h3>
          <p>
            <code>field:/pattern/</code> matches JavaScript syntax, case-insensitively (ids as written), at most{' '}
            {MAX_REGEX_LENGTH} characters. They run on a linear-time engine, so no pattern can stall the case;
            backreferences and lookarounds are refused. A value that only starts with <code>/</code> (a path) stays
            plain text; quote it if it also ends with <code>/</code>.
          </p>
          <p className="muted">
            Type a field name for suggestions (Tab or ↓ then Enter to complete). Press Enter to apply; the query also
            applies when you pause typing.
          </p>
        </div>
      )}
    </Popover>
  );
}
