/**
 * data/report.html: a readable report that opens offline in any browser. No scripts, no external resources (a CSP
 * meta tag forbids both), and every value from the case goes through `escapeHtml`: imported text is hostile.
 */

export function escapeHtml(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface ReportInput {
  title: string;
  facts: [string, unknown][];
  populations: { name: string; label: string; query: string; selected: number; inPack: number }[];
  completeness: [string, unknown][];
  summaryTitle: string;
  summaryColumns: string[];
  summaryRows: Record<string, unknown>[];
  summaryTotal: number;
  events: Record<string, unknown>[];
  eventsTotal: number;
  formatTime: (iso: string) => string;
  displayZone: string;
}

const EVENT_COLUMNS = ['time', 'actor', 'action', 'outcome', 'severity', 'target', 'sourceIp', 'summary'];

function table(columns: string[], rows: Record<string, unknown>[], cell = (c: string, v: unknown) => escapeHtml(v)): string {
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${cell(c, r[c])}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function facts(pairs: [string, unknown][]): string {
  return `<dl>${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

export function reportHtml(r: ReportInput): string {
  const time = (c: string, v: unknown) => escapeHtml(c === 'time' && typeof v === 'string' ? r.formatTime(v) : v);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(r.title)}</title>
<style>
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
td { max-width: 40rem; overflow-wrap: break-word; }
dl { display: grid; grid-template-columns: max-content auto; gap: 2px 1rem; }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
code { background: #f4f4f4; padding: 0 3px; }
</style>
</head>
<body>
<h1>${escapeHtml(r.title)}</h1>
${facts(r.facts)}
<p>Times in this report are shown in ${escapeHtml(r.displayZone)}; every time in the data files is ISO-8601 UTC.
Verify this pack with <code>python3 verify.py</code> (Python 3 standard library only) or <code>auditlens verify PACK.zip</code>.</p>
<h2>Populations</h2>
${table(['name', 'label', 'query', 'selected', 'inPack'], r.populations)}
<h2>Completeness</h2>
${facts(r.completeness)}
<p>The full statement (every imported object with its SHA-256, rejects by reason, incomplete imports) is in
<code>data/completeness.json</code>.</p>
<h2>${escapeHtml(r.summaryTitle)}</h2>
${r.summaryRows.length < r.summaryTotal ? `<p>First ${r.summaryRows.length} of ${r.summaryTotal} rows; all of them are in <code>data/summary.csv</code>.</p>` : ''}
${table(r.summaryColumns, r.summaryRows)}
<h2>Events</h2>
<p>${r.events.length < r.eventsTotal ? `First ${r.events.length} of ${r.eventsTotal} events` : `All ${r.eventsTotal} events`},
oldest first; every event with its raw record and provenance is in <code>data/events.jsonl</code> and <code>data/events.csv</code>.</p>
${table(EVENT_COLUMNS, r.events, time)}
</body>
</html>
`;
}
