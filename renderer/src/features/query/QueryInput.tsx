import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CompletionList } from './CompletionList.js';
import { applySuggestion, completionContext } from './completion.js';
import { charClasses, type SyntaxProblem } from './query-text.js';
import { useCompletions } from './use-completions.js';

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

  // Completion: the term at the caret, its suggestions, the highlighted one. Escape hides the list until the next edit.
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState(false);
  // -1 = nothing highlighted: Enter then applies the query as typed; only an arrow-key choice makes Enter complete.
  const [active, setActive] = useState(-1);
  const pendingCaret = useRef<number | null>(null);
  const ctx = useMemo(() => (caret === null ? null : completionContext(value, caret)), [value, caret]);
  const items = useCompletions(ctx);
  const open = !dismissed && ctx !== null && items.length > 0;
  // Reset the highlight when the list itself changes (not on every render: static lists are rebuilt each time).
  const itemsKey = items.map((i) => i.insert).join('\n');
  useEffect(() => setActive(-1), [itemsKey]);

  const sync = () => {
    if (input.current && layer.current) layer.current.style.transform = `translateX(${-input.current.scrollLeft}px)`;
  };
  useLayoutEffect(() => {
    if (pendingCaret.current !== null && input.current) {
      input.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
    sync();
  });
  const trackCaret = () => {
    sync();
    const el = input.current;
    setCaret(el && el === document.activeElement && el.selectionStart === el.selectionEnd ? el.selectionStart : null);
  };
  const accept = (index: number) => {
    if (!ctx || !items[index]) return;
    const next = applySuggestion(value, ctx, items[index]);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    onChange(next.text);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % items.length : a <= 0 ? items.length - 1 : a - 1));
      return;
    }
    if (open && ((e.key === 'Tab' && !e.shiftKey) || (e.key === 'Enter' && active >= 0))) {
      e.preventDefault();
      accept(Math.max(0, active));
      return;
    }
    if (open && e.key === 'Escape') {
      e.preventDefault();
      setDismissed(true);
      return;
    }
    onKeyDown(e);
  };

  return (
    <div className="query-combo">
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
        // A textbox with list autocompletion (aria-autocomplete + aria-controls + aria-activedescendant): it keeps
        // the textbox role tests and assistive tech already know it by.
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        value={value}
        onChange={(e) => {
          setDismissed(false);
          onChange(e.target.value);
        }}
        onKeyDown={onKey}
        onScroll={sync}
        onSelect={trackCaret}
        onKeyUp={trackCaret}
        onClick={trackCaret}
        onBlur={() => setCaret(null)}
      />
    </div>
    {open && <CompletionList id={listId} items={items} active={active} onPick={accept} />}
    </div>
  );
}
