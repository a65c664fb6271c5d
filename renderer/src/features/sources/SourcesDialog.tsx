import { useCallback, useEffect, useState } from 'react';
import type { PresetInfo, SourceInfo } from '../../../../shared/contract/sources.js';
import { api, errorMessage } from '../../api/index.js';
import { Dialog } from '../../components/Dialog.js';
import { formatInt } from '../../lib/format.js';
import { formatTime } from '../../lib/time.js';
import { useZone } from '../zone/zone-context.js';
import { loadKeychainSecrets, secretsPersist, sessionS3Keys, sessionTokens } from './session-tokens.js';
import { S3SourceFacts } from './S3SourceFacts.js';
import { SourceForm } from './SourceForm.js';
import { SourceHistory } from './SourceHistory.js';
import { useSourcePull } from './use-source-pull.js';
import './sources.css';

type Mode = { kind: 'view' } | { kind: 'add' } | { kind: 'edit'; source: SourceInfo };

/** The Sources screen: configured vendor API sources, add/edit, test connection, pull now, pull history. */
export function SourcesDialog({ onClose }: { onClose: () => void }) {
  const zone = useZone();
  const [sources, setSources] = useState<SourceInfo[] | null>(null);
  const [presets, setPresets] = useState<PresetInfo[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const pull = useSourcePull(refresh);

  useEffect(() => {
    api.invoke('sources:presets', {}).then(setPresets, (e: unknown) => setMessage({ kind: 'error', text: errorMessage(e) }));
  }, []);
  useEffect(() => {
    api.invoke('sources:list', {}).then(async (list) => {
      await loadKeychainSecrets(list);
      setSources(list);
      setSelected((s) => s ?? list[0]?.name ?? null);
    }, (e: unknown) => setMessage({ kind: 'error', text: errorMessage(e) }));
  }, [version]);

  const current = sources?.find((s) => s.name === selected) ?? null;
  const test = (name: string) => {
    setMessage(null);
    api.invoke('source:test', { name, token: sessionTokens.get(name), s3Keys: sessionS3Keys.get(name) }).then(
      (r) => setMessage({
        kind: 'ok',
        text: r.sampleKeys
          ? `Connected: listed ${r.url}, first keys: ${r.sampleKeys.join(', ')}`
          : `Connected: HTTP ${r.status}, ${formatInt(r.records)} record(s) on the first page of ${r.url}`,
      }),
      (e: unknown) => setMessage({ kind: 'error', text: errorMessage(e) }),
    );
  };

  return (
    <Dialog title="Sources" onClose={onClose} className="sources-dialog" testId="sources-dialog">
      <div className="sources-layout">
        <nav aria-label="Configured sources" className="sources-list">
          <ul>
            {sources?.length === 0 && <li className="muted">No source yet.</li>}
            {sources?.map((s) => (
              <li key={s.name}>
                <button
                  type="button"
                  aria-pressed={s.name === selected && mode.kind === 'view'}
                  onClick={() => { setSelected(s.name); setMode({ kind: 'view' }); setMessage(null); }}
                >
                  <strong>{s.name}</strong> <span className="muted">{s.kind === 's3' ? 'S3 bucket' : (presets.find((p) => p.id === s.preset)?.label ?? s.preset)}</span>
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setMode({ kind: 'add' })}>Add source…</button>
        </nav>
        <section className="source-detail" aria-label="Source details">
          {mode.kind !== 'view' ? (
            <SourceForm
              presets={presets}
              source={mode.kind === 'edit' ? mode.source : null}
              onSaved={(s) => { setSelected(s.name); setMode({ kind: 'view' }); refresh(); }}
              onCancel={() => setMode({ kind: 'view' })}
            />
          ) : current ? (
            <>
              <h3>{current.name}</h3>
              {current.kind === 's3' ? <S3SourceFacts source={current} /> : <dl className="source-facts">
                <dt>Base URL</dt><dd className="mono">{current.config.baseUrl}</dd>
                <dt>Token</dt>
                <dd>
                  {current.config.auth.kind === 'none' ? 'none' : sessionTokens.get(current.name) ? (secretsPersist ? 'kept in the OS keychain' : 'entered for this session')
                    : current.config.auth.tokenEnv ? `from $${current.config.auth.tokenEnv}` : 'not set: edit the source to enter one'}
                </dd>
                <dt>Next pull starts</dt>
                <dd className="mono" data-testid="source-checkpoint">
                  {current.checkpoint?.next ?? (current.checkpoint?.since ? `fresh listing from ${formatTime(current.checkpoint.since, zone)}` : 'at the beginning')}
                </dd>
              </dl>}
              <div className="form-actions">
                <button type="button" onClick={() => test(current.name)}>Test connection</button>
                <button type="button" className="primary" disabled={pull.running !== null} onClick={() => { setMessage(null); pull.start(current.name); }}>Pull now</button>
                <button type="button" onClick={() => setMode({ kind: 'edit', source: current })}>Edit…</button>
                {pull.running && <button type="button" onClick={pull.cancel}>Cancel pull</button>}
              </div>
              {pull.running && (
                <p role="status" data-testid="pull-progress">
                  Pulling {pull.running}: {current.kind === 's3'
                    ? `${formatInt(pull.progress?.filesDone ?? 0)} of ${formatInt(pull.progress?.filesTotal ?? 0)} objects`
                    : `page ${formatInt((pull.progress?.filesDone ?? 0) + 1)}`}, {formatInt(pull.progress?.records ?? 0)} records,
                  {' '}{formatInt(pull.progress?.inserted ?? 0)} new
                </p>
              )}
              {pull.finished && (
                <p role="status" className={pull.finished.status === 'completed' ? 'ok' : 'error'} data-testid="pull-result">
                  Pull {pull.finished.status}: {formatInt(pull.finished.progress.inserted)} new events, {formatInt(pull.finished.progress.duplicates)} duplicates
                  {pull.finished.error ? ` — ${pull.finished.error}` : ''}
                </p>
              )}
              {pull.error && <p className="error" role="alert">{pull.error}</p>}
              {message && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind} data-testid="source-message">{message.text}</p>}
              <SourceHistory
                name={current.name}
                baseUrl={current.kind === 's3' ? `s3://${current.config.bucket}/` : current.config.baseUrl}
                version={version}
                s3={current.kind === 's3'}
              />
            </>
          ) : (
            <p className="muted">Add an S3 bucket (CloudTrail, GitHub audit-log streaming, vendor exports) or a vendor API source (GitHub, Okta, Slack, Auth0, 1Password, Cloudflare, Atlassian, Google Workspace, Microsoft Graph, Jira) to pull its audit log into this case.</p>
          )}
          {mode.kind !== 'view' && message && <p role="alert" className="error">{message.text}</p>}
        </section>
      </div>
    </Dialog>
  );
}
