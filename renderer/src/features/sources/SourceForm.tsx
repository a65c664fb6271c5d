import { useState } from 'react';
import type { ApiAuth, PresetInfo, SourceInfo } from '../../../../shared/contract/sources.js';
import { api, errorMessage } from '../../api/index.js';
import { secretsPersist, sessionS3Keys, sessionTokens } from './session-tokens.js';
import { s3FormResult, s3FormState, S3SourceFields } from './S3SourceFields.js';

/** The preset selector's value for an S3 bucket (API preset ids never contain a colon). */
const S3_CHOICE = 's3:bucket';

interface Props {
  presets: PresetInfo[];
  /** The source being edited; null to add one. */
  source: SourceInfo | null;
  onSaved: (s: SourceInfo) => void;
  onCancel: () => void;
}

/** Add or edit a source: an S3 bucket, or an API preset with its base URL, parameters and token source. */
export function SourceForm({ presets, source, onSaved, onCancel }: Props) {
  const apiSource = source?.kind === 'api' ? source : null;
  const [name, setName] = useState(source?.name ?? '');
  const [presetId, setPresetId] = useState(source?.kind === 's3' ? S3_CHOICE : (apiSource?.preset ?? presets[0]?.id ?? ''));
  const preset = presets.find((p) => p.id === presetId);
  const [baseUrl, setBaseUrl] = useState(apiSource?.config.baseUrl ?? preset?.defaultBaseUrl ?? '');
  const [params, setParams] = useState<Record<string, string>>(apiSource?.config.params ?? {});
  const [authKind, setAuthKind] = useState<ApiAuth['kind']>(apiSource?.config.auth.kind ?? preset?.auth.kind ?? 'bearer');
  const [tokenEnv, setTokenEnv] = useState(apiSource?.config.auth.tokenEnv ?? '');
  const [username, setUsername] = useState(apiSource?.config.auth.username ?? '');
  const [since, setSince] = useState(apiSource?.config.since ?? '');
  const [token, setToken] = useState(source ? (sessionTokens.get(source.name) ?? '') : '');
  const [s3, setS3] = useState(() => s3FormState(source?.kind === 's3' ? source.config : null, source ? sessionS3Keys.get(source.name) : undefined));
  const [error, setError] = useState<string | null>(null);
  const isS3 = presetId === S3_CHOICE;

  const choosePreset = (id: string) => {
    const next = presets.find((p) => p.id === id);
    setPresetId(id);
    if (next) {
      setBaseUrl(next.defaultBaseUrl);
      setAuthKind(next.auth.kind);
      setParams({});
    }
  };
  const saveS3 = () => {
    const result = s3FormResult(s3);
    if ('error' in result) return setError(result.error);
    api.invoke('sources:save', { name, kind: 's3', config: result.config }).then((saved) => {
      sessionS3Keys.set(saved.name, result.keys);
      onSaved(saved);
    }, (e: unknown) => setError(errorMessage(e)));
  };
  const save = () => {
    setError(null);
    if (isS3) return saveS3();
    const auth: ApiAuth = {
      kind: authKind, ...(tokenEnv ? { tokenEnv } : {}), ...(username ? { username } : {}),
      ...(apiSource?.config.auth.header ? { header: apiSource.config.auth.header } : {}),
    };
    const cleanParams = Object.fromEntries(Object.entries(params).filter(([, v]) => v.trim() !== ''));
    api
      .invoke('sources:save', { name, preset: presetId, config: { baseUrl, params: cleanParams, auth, ...(since ? { since } : {}) } })
      .then((saved) => {
        sessionTokens.set(saved.name, token);
        onSaved(saved);
      }, (e: unknown) => setError(errorMessage(e)));
  };

  return (
    <form className="source-form" aria-label={source ? `Edit source ${source.name}` : 'Add a source'} onSubmit={(e) => { e.preventDefault(); save(); }}>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} disabled={source !== null} required placeholder="okta-prod" />
      </label>
      <label>
        Preset
        <select value={presetId} onChange={(e) => choosePreset(e.target.value)} disabled={source?.kind === 's3'}>
          {!apiSource && <option value={S3_CHOICE}>S3 bucket</option>}
          {presets.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </label>
      {isS3 ? <S3SourceFields value={s3} onChange={setS3} /> : <>
      {preset && <p className="muted small" data-testid="preset-paging">Paging: {preset.paging}. Checkpoint: {preset.checkpoint}.</p>}
      <label>
        Base URL
        <input type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required />
      </label>
      {preset?.params.map((p) => (
        <label key={p.name}>
          {p.name}{p.required ? ' (required)' : ''}
          <input value={params[p.name] ?? ''} placeholder={p.help} onChange={(e) => setParams({ ...params, [p.name]: e.target.value })} />
        </label>
      ))}
      <label>
        Start from (ISO date, first pull only)
        <input value={since} onChange={(e) => setSince(e.target.value)} placeholder="2026-01-01" />
      </label>
      <label>
        Authentication
        <select value={authKind} onChange={(e) => setAuthKind(e.target.value as ApiAuth['kind'])}>
          <option value="bearer">Bearer token</option>
          <option value="basic">Basic (user + API token)</option>
          <option value="header">Token in a header ({preset?.auth.header ?? 'Authorization'} {preset?.auth.prefix ?? ''})</option>
          <option value="none">None</option>
        </select>
      </label>
      {authKind === 'basic' && (
        <label>
          User
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" />
        </label>
      )}
      {authKind !== 'none' && (
        <>
          <label>
            Token environment variable (of the app&apos;s process)
            <input value={tokenEnv} onChange={(e) => setTokenEnv(e.target.value)} placeholder="OKTA_TOKEN" />
          </label>
          <label>
            {secretsPersist ? 'Token (kept in the OS keychain)' : 'Token for this session'}
            <input type="password" value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
          </label>
          <p className="muted small" data-testid="token-note">
            {secretsPersist
              ? "A token typed here is sealed by the OS keychain for this case and this source's URL, never saved in the case file, logs or exports."
              : "A token typed here is kept in this window's memory for this session only: it is never saved in the case file, logs or exports. For pulls that survive a restart, name an environment variable instead."}
          </p>
        </>
      )}
      </>}
      {error && <p className="error" role="alert">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="primary">{source ? 'Save changes' : 'Add source'}</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
