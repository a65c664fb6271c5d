import { useId } from 'react';
import type { Order } from '../../../../shared/contract/channels.js';
import { QueryInput } from './QueryInput.js';
import { SyntaxHelp } from './SyntaxHelp.js';
import { TimePresets } from './TimePresets.js';
import { addClause } from './query-text.js';
import { useQueryDraft } from './use-query-draft.js';
import './query.css';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  order: Order;
  onOrder: (o: Order) => void;
  /** An error the backend gave for the applied query (e.g. while fetching rows). */
  serverError: string | null;
}

/** Query box (Enter or a pause applies), syntax help, and newest/oldest-first order. */
export function QueryBar({ query, onQuery, order, onOrder, serverError }: Props) {
  const { draft, problem, setDraft, commit } = useQueryDraft(query, onQuery);
  const errorId = useId();
  return (
    <div className="query-bar">
      <div className="query-main">
        <QueryInput
          value={draft}
          onChange={setDraft}
          problem={problem}
          errorId={errorId}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape' && draft !== query) {
              e.preventDefault();
              setDraft(query);
            }
          }}
        />
        <SyntaxHelp onInsert={(ex) => setDraft(addClause(draft, ex))} />
        {draft !== '' && (
          <button type="button" className="icon clear" aria-label="Clear query" onClick={() => setDraft('')} data-testid="query-clear">
            ×
          </button>
        )}
        <TimePresets query={query} onQuery={onQuery} />
        <div className="seg" role="group" aria-label="Order" data-testid="order-toggle">
          <button type="button" aria-pressed={order === 'desc'} onClick={() => onOrder('desc')}>
            Newest first
          </button>
          <button type="button" aria-pressed={order === 'asc'} onClick={() => onOrder('asc')}>
            Oldest first
          </button>
        </div>
      </div>
      {problem ? (
        <div className="query-error" id={errorId} role="alert" data-testid="query-error">
          <span className="err-col" data-testid="query-error-position">
            Column {problem.column}
          </span>
          {problem.message}
        </div>
      ) : serverError ? (
        <div className="query-error" role="alert" data-testid="query-server-error">
          {serverError}
        </div>
      ) : null}
    </div>
  );
}
