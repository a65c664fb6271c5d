import './empty.css';

interface Props {
  onImport: () => void;
}

/** A case with no events yet: how to get some in. */
export function EmptyState({ onImport }: Props) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <h2>This case has no events yet</h2>
      <ol>
        <li>
          <strong>Drop files</strong> anywhere on this window: JSON, JSONL, CSV, gzip or zip exports from CloudTrail,
          GitHub, Okta, Kubernetes, GCP, Azure, Entra, Microsoft 365, Google Workspace, Slack, Auth0, 1Password,
          Cloudflare, Atlassian, Salesforce…
        </li>
        <li>
          or use{' '}
          <button type="button" className="link" onClick={onImport}>
            Import files
          </button>{' '}
          to pick them,
        </li>
        <li>
          or try a generated case from a terminal: <code>npx auditlens demo</code>
        </li>
      </ol>
      <p className="muted">
        Files are read locally. Their SHA-256 and the position of every record are kept as provenance; lines that cannot
        be parsed are listed in the import log, never dropped silently.
      </p>
    </div>
  );
}
