import { useState } from 'react';
import { investigationQuery, type BuiltInInvestigation } from '../../../../shared/investigations/built-ins.js';
import type { Panel } from '../views/view-stack.js';

interface Props {
  inv: BuiltInInvestigation;
  onRun: (view: { query: string; title: string; panel?: Panel }) => void;
}

export function BuiltInItem({ inv, onRun }: Props) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const run = () => {
    let query: string;
    try {
      query = investigationQuery(inv, values);
    } catch (err) {
      setProblem((err as Error).message);
      return;
    }
    const panel: Panel | undefined = inv.sequence === 'failed-then-success' ? { kind: 'failed-then-success', withinMinutes: 60 } : undefined;
    onRun({ query, title: inv.title, panel });
  };
  return (
    <li className="investigation" data-testid={`investigation-${inv.id}`}>
      <div className="investigation-head">
        <strong>{inv.title}</strong>
        <button type="button" aria-label={`Run: ${inv.title}`} onClick={run}>Run</button>
      </div>
      <p className="muted">{inv.explanation}</p>
      {inv.params?.map((p) => (
        <label key={p.name} className="investigation-param">
          {p.label}
          <input
            value={values[p.name] ?? p.default}
            placeholder={p.default}
            title={p.hint}
            onChange={(e) => (setValues({ ...values, [p.name]: e.target.value }), setProblem(null))}
            onKeyDown={(e) => e.key === 'Enter' && run()}
          />
        </label>
      ))}
      {problem && <p className="error" role="alert">{problem}</p>}
      <code className="investigation-query">{inv.query}</code>
    </li>
  );
}
