import type { ReactNode } from 'react';
import { inkFor, useTagDef } from './tag-store.js';
import './annotations.css';

const FALLBACK = '#64748b';

/** A tag as a coloured chip (its description on hover); imported text, rendered only as text. */
export function TagChip({ name, children }: { name: string; children?: ReactNode }) {
  const def = useTagDef(name);
  const color = def?.color ?? FALLBACK;
  return (
    <span className="tag-chip" style={{ background: color, color: inkFor(color) }} title={def?.description || undefined} data-testid="tag-chip">
      {name}
      {children}
    </span>
  );
}

/** The star and tag chips a table row shows in front of its summary. */
export function RowMarks({ starred, tags }: { starred?: boolean; tags?: string[] }) {
  if (!starred && !tags?.length) return null;
  return (
    <span className="row-marks">
      {starred && (
        <span className="star-mark" role="img" aria-label="Starred" data-testid="row-star">
          ★
        </span>
      )}
      {tags?.map((t) => <TagChip key={t} name={t} />)}
    </span>
  );
}

/** Table cells that show annotations: the star column, the tags column, and the summary led by both marks. */
export function CellMarks({ column, row, text }: { column: 'summary' | 'starred' | 'tags'; row: { starred?: boolean; tags?: string[] }; text: string }) {
  if (column === 'summary') {
    return (
      <>
        <RowMarks starred={row.starred} tags={row.tags} />
        {text}
      </>
    );
  }
  if (column === 'starred') return <RowMarks starred={row.starred} />;
  return <RowMarks tags={row.tags} />;
}
