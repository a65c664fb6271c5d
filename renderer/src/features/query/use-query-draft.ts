import { useCallback, useEffect, useRef, useState } from 'react';
import { api, errorMessage } from '../../api/index.js';
import { localProblemLength, type SyntaxProblem } from './query-text.js';

const DEBOUNCE_MS = 300;

export interface QueryDraft {
  draft: string;
  problem: SyntaxProblem | null;
  setDraft: (v: string) => void;
  /** Checks and applies now (Enter). */
  commit: () => void;
}

/**
 * The text in the box vs. the applied query. Typing checks (query:check) and applies after a pause; Enter does it
 * at once. A query with a syntax error is never applied: the message and its column are shown instead.
 */
export function useQueryDraft(applied: string, apply: (q: string) => void): QueryDraft {
  const [draft, setDraftState] = useState(applied);
  const [problem, setProblem] = useState<SyntaxProblem | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);
  const appliedRef = useRef(applied);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // Follow changes made elsewhere (timeline click, "filter on value").
  useEffect(() => {
    if (applied !== appliedRef.current) {
      appliedRef.current = applied;
      clearTimeout(timer.current);
      seq.current++;
      setDraftState(applied);
      setProblem(null);
    }
  }, [applied]);

  const check = useCallback((text: string) => {
    const mine = ++seq.current;
    api.invoke('query:check', { query: text }).then(
      (r) => {
        if (mine !== seq.current) return;
        if (r.ok) {
          setProblem(null);
          if (text !== appliedRef.current) {
            appliedRef.current = text;
            applyRef.current(text);
          }
        } else {
          const column = r.column ?? 1;
          setProblem({ message: r.message ?? 'Invalid query', column, length: localProblemLength(text, column) });
        }
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setProblem({ message: errorMessage(err), column: 1, length: 0 });
      },
    );
  }, []);

  const setDraft = useCallback(
    (v: string) => {
      setDraftState(v);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => check(v), DEBOUNCE_MS);
    },
    [check],
  );

  const draftRef = useRef(draft);
  draftRef.current = draft;
  const commit = useCallback(() => {
    clearTimeout(timer.current);
    check(draftRef.current);
  }, [check]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { draft, problem, setDraft, commit };
}
