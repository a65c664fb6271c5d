import { useEffect, useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { charClasses, type SyntaxProblem } from './query-text.js';

interface Props {
  value: string;
  onChange: (v: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  problem: SyntaxProblem | null;
  errorId: string;
}

interface Run {
  text: string;
  cls: string;
}

function runs(text: string, problem: SyntaxProblem | null): Run[] {
  const classes = charClasses(text);
  const errFrom = problem ? problem.column - 1 : -1;
  const errTo = problem ? errFrom + problem.length : -1;
  const out: Run[] = [];
  const padded = problem && errFrom >= text.length ? text + ' ' : text;
  for (let i = 0; i < padded.length; i++) {
    const cls = `${classes[i] ? `tk-${classes[i]}` : ''}${i >= errFrom && i < errTo ? ' tk-error' : ''}`;
    const last = out[out.length - 1];
    if (last && last.cls === cls) last.text += padded[i];
    else out.push({ text: padded[i], cls });
  }
  return out;
}

/**
 * The query box: a real <input> (transparent text, visible caret) over a layer that colours fields, operators,
 * values and keywords and underlines the column of a syntax error. The layer follows the input's scroll.
 */
export function QueryInput({ value, onChange, onKeyDown, problem, errorId }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const parts = useMemo(() => runs(value, problem), [value, problem]);

  // "/" anywhere outside a text field jumps to the query box (as in most log viewers).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      const t = e.target as HTMLElement | null;
      if (t && (t.closest('input, textarea, select, [contenteditable="true"]') || t.closest('dialog[open]'))) return;
      e.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const sync = () => {
    if (input.current && layer.current) layer.current.style.transform = `translateX(${-input.current.scrollLeft}px)`;
  };
  useLayoutEffect(sync);

  return (
    <div className={`query-box ${problem ? 'has-error' : ''}`}>
      <div className="query-layer" aria-hidden="true">
        <div ref={layer} className="query-layer-text">
          {parts.map((r, i) => (
            <span key={i} className={r.cls} data-testid={r.cls.includes('tk-error') ? 'query-error-column' : undefined}>
              {r.text}
            </span>
          ))}
        </div>
      </div>
      <input
        ref={input}
        className="query-input"
        type="text"
        aria-label="Query"
        data-testid="query-input"
        placeholder='Filter: actor:alice@example.com action:Delete* -outcome:success "exact phrase" time>-24h'
        spellCheck={false}
        autoComplete="off"
        autoCapitalize="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? errorId : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onScroll={sync}
        onSelect={sync}
        onKeyUp={sync}
        onClick={sync}
      />
    </div>
  );
}
