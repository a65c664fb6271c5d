import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../../shared/contract/channels.js';
import type { PurgeResult, RetentionPolicy } from '../../../../shared/contract/case-admin.js';
import { api, errorMessage } from '../../api/index.js';
import { countOf, formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';

type Retention = ChannelOutput<'case:retention'>;

/**
 * The case's retention policy (default 13 months, never below 60 days) and its purge: a dry run first shows what
 * would go, then an explicit confirmation deletes it. Every change and purge is journaled by the backend.
 */
export function RetentionSection({ onPurged }: { onPurged: () => void }) {
  const zone = useZone();
  const [retention, setRetention] = useState<Retention | null>(null);
  const [draft, setDraft] = useState<RetentionPolicy>({ amount: 13, unit: 'months' });
  const [dry, setDry] = useState<PurgeResult | null>(null);
  const [done, setDone] = useState<PurgeResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.invoke('case:retention', {}).then((r) => (setRetention(r), setDraft(r.policy)), (e: unknown) => setError(errorMessage(e)));
  }, []);

  const act = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(async () => {
      setRetention(await api.invoke('case:retention', { policy: draft }));
      setDry(null);
    });
  };
  const dryRun = () => void act(async () => setDry(await api.invoke('case:purge', { dryRun: true })));
  const purge = () =>
    void act(async () => {
      setDone(await api.invoke('case:purge', { dryRun: false }));
      setDry(null);
      onPurged();
    });
  const changed = retention !== null && (draft.amount !== retention.policy.amount || draft.unit !== retention.policy.unit);

  return (
    <section className="retention" aria-label="Retention">
      <h3>Retention</h3>
      <form className="retention-form" onSubmit={save}>
        <label>
          Keep events for
          <input
            type="number"
            min={1}
            aria-label="Retention amount"
            value={draft.amount}
            onChange={(e) => setDraft({ ...draft, amount: Math.max(1, Math.floor(Number(e.target.value) || 1)) })}
          />
        </label>
        <select aria-label="Retention unit" value={draft.unit} onChange={(e) => setDraft({ ...draft, unit: e.target.value as RetentionPolicy['unit'] })}>
          <option value="days">days</option>
          <option value="months">months</option>
        </select>
        <button type="submit" disabled={busy || !changed}>Save policy</button>
        <span className="muted">
          {retention?.isDefault ? 'The default (13 months). ' : ''}Never below 60 days.
          {retention && ` Events before ${formatTime(retention.cutoff, zone)} are outside the policy.`}
        </span>
      </form>
      <div className="retention-purge">
        <button type="button" onClick={dryRun} disabled={busy || changed}>Check what a purge would delete</button>
        {dry && (
          <p role="status" data-testid="purge-dry-run">
            {dry.events === 0
              ? `Nothing to purge: no event is older than ${formatTime(dry.cutoff, zone)}.`
              : `A purge would permanently delete ${countOf(dry.events, 'event')} older than ${formatTime(dry.cutoff, zone)}, ` +
                `with ${countOf(dry.stars, 'star')}, ${countOf(dry.tags, 'tag')} and ${countOf(dry.comments, 'comment')} on them.`}
          </p>
        )}
        {dry && dry.events > 0 && (
          <button type="button" className="danger" onClick={purge} disabled={busy}>
            Purge {formatInt(dry.events)} events permanently
          </button>
        )}
        {done && (
          <p role="status" data-testid="purge-result">
            Purged {countOf(done.events, 'event')} (journal entry {done.journalSeq}).
          </p>
        )}
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
