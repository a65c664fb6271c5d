import { memo } from 'react';

/** Past this many lines the record is shown as one block (no per-line layout). */
const MAX_LINES = 5000;

/**
 * The raw record, pretty-printed. Each line is its own block with a hanging indent, so a long value that wraps
 * continues under its key instead of at the left margin. The text (and what a selection copies) is unchanged.
 */
export const RawRecord = memo(function RawRecord({ text }: { text: string }) {
  const lines = text.split('\n');
  if (lines.length > MAX_LINES) return <>{text}</>;
  return (
    <>
      {lines.map((line, i) => {
        const indent = line.length - line.trimStart().length;
        return (
          <span key={i} className="raw-line" style={{ paddingLeft: `${indent + 2}ch`, textIndent: `-${indent + 2}ch` }}>
            {line}
            {i < lines.length - 1 ? '\n' : ''}
          </span>
        );
      })}
    </>
  );
});
