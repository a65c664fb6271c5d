import type { MappingPreview } from '../../../../shared/contract/mapping.js';
import { formatInt } from '../../lib/format.js';

interface Props {
  preview: MappingPreview;
  mapped: boolean;
}

const dash = (v: string | null | undefined) => v || '—';

/** The first records as the import would store them (times in UTC, exactly), or why a record would be rejected. */
export function PreviewTable({ preview, mapped }: Props) {
  const errors = preview.rows.filter((r) => r.error).length;
  // Remarks that qualify the reading (zone-less times taken as UTC...), once each.
  const notes = [...new Set(preview.rows.flatMap((r) => r.event?.notes ?? []))];
  return (
    <section className="mapping-preview" aria-label="Preview">
      <h3>
        Preview <span className="muted">— first {formatInt(preview.rows.length)} records{preview.truncated ? ' of more' : ''}</span>
        {mapped && (
          <span className={errors ? 'error' : 'ok'} data-testid="preview-status">
            {' '}
            · {errors ? `${formatInt(errors)} would be rejected` : 'all parse'}
          </span>
        )}
      </h3>
      {!mapped && <p className="hint">Choose the time field to see the records normalized.</p>}
      {notes.length > 0 && (
        <p className="hint" data-testid="preview-notes">
          {notes.join(' · ')} (the imported events record this too)
        </p>
      )}
      <div className="mp-scroll">
        <table className="plain mp-table" aria-label="Normalized preview" data-testid="mapping-preview">
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Time (UTC)</th>
              <th>Actor</th>
              <th>Action</th>
              <th>Target</th>
              <th>Outcome</th>
              <th>Severity</th>
              <th>Source IP</th>
              <th>Summary</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r, i) => {
              const e = r.event;
              const where = r.line ?? (r.recordIndex !== null ? r.recordIndex + 1 : i + 1);
              if (!e) {
                return (
                  <tr key={i} data-testid="preview-row" className={r.error ? 'is-error' : ''}>
                    <td className="num">{where}</td>
                    <td colSpan={8} className={r.error ? 'error' : 'muted'}>
                      {r.error ?? 'not mapped yet'}
                    </td>
                  </tr>
                );
              }
              return (
                <tr key={i} data-testid="preview-row" title={e.notes.join('; ') || undefined}>
                  <td className="num">{where}</td>
                  <td className="mono nowrap">{e.time}</td>
                  <td>{dash(e.actor)}</td>
                  <td>{dash(e.action)}</td>
                  <td>{dash(e.target)}</td>
                  <td className={`outcome-${e.outcome}`}>{e.outcome}</td>
                  <td>{e.severity}</td>
                  <td className="mono">{dash(e.sourceIp)}</td>
                  <td className="mp-summary">{e.summary}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
