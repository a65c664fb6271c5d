/**
 * Built-in investigations: the forensic questions of the seed documents (../shared/seeds), each a query in the
 * query language with what it looks for. Action names are those the supported formats emit: the rule platform's
 * export (RulePublished, ApiKeyCreated, SpecJobEnqueued... see ingest/formats/entity-csv.ts), the org audit events
 * (LOGIN_FAILURE, AUDIT_CONFIG_UPDATED, AUDIT_EXPORT_FAILED...; the demo generator emits both families), and the
 * best-known equivalents of other vendors (CloudTrail, Okta, GitHub) where one exists.
 */

export interface InvestigationParam {
  name: string;
  label: string;
  default: string;
  /** What a valid value looks like; values are substituted into the query text, so they are checked first. */
  pattern: RegExp;
  hint: string;
}

export interface BuiltInInvestigation {
  id: string;
  title: string;
  /** What it looks for and how to read the result: shown beside the button. */
  explanation: string;
  /** Query text; `{name}` is replaced by the parameter's value. */
  query: string;
  params?: InvestigationParam[];
  /** Needs an ordered sequence the query language cannot express: runs a backend investigation instead. */
  sequence?: 'failed-then-success';
}

const SINCE: InvestigationParam = {
  name: 'since', label: 'Since', default: '-1d', pattern: /^(-\d+[smhdw]|\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)$/,
  hint: 'a relative time like -1d or -12h, or a date like 2026-03-01',
};

const PUBLISHES = 'action:ProfilePublished OR action:RulePublished';

export const BUILT_IN_INVESTIGATIONS: readonly BuiltInInvestigation[] = [
  {
    id: 'build-stricter',
    title: 'Why is my build stricter since yesterday?',
    explanation:
      'Profile and rule publishes since the chosen time: a new profile version (changed rules or severity overrides) ' +
      'or a new rule version makes the next build stricter. Open an event to see the entity and its version.',
    query: `(${PUBLISHES}) time>={since}`,
    params: [SINCE],
  },
  {
    id: 'who-published',
    title: 'Who published?',
    explanation: 'Every profile and rule publish; the Actor column shows the user, or the API key for automated publishes.',
    query: PUBLISHES,
  },
  {
    id: 'api-keys',
    title: 'When was an API key created or revoked?',
    explanation:
      'API key creation and revocation with the exact time and who acted (rule platform ApiKeyCreated/ApiKeyRevoked, ' +
      'CloudTrail access keys, Okta API tokens). Renaming a key is not audited by the rule platform.',
    query:
      'action:ApiKeyCreated OR action:ApiKeyRevoked OR action:CreateAccessKey OR action:DeleteAccessKey OR ' +
      'action:UpdateAccessKey OR action:system.api_token.create OR action:system.api_token.revoke',
  },
  {
    id: 'spec-jobs-engine',
    title: 'Which spec jobs ran on engine X?',
    explanation:
      'Spec jobs enqueued or cancelled on the chosen engine version. The engine version is part of each event\'s summary ' +
      '("on engine 2.5.0"); the match is by phrase, so 2.6.0 also finds 2.6.0-rc1 (check the summary or the ' +
      'engineVersion attribute in the details).',
    query: 'action:SpecJob* "engine {engine}"',
    params: [{ name: 'engine', label: 'Engine version', default: '2.5.0', pattern: /^[\w.+-]{1,40}$/, hint: 'e.g. 2.5.0' }],
  },
  {
    id: 'failed-then-success',
    title: 'Failed logins, then success',
    explanation:
      'Actors with one or more failed logins followed by a successful login within an hour of the last failure: ' +
      'a guessed or sprayed password that worked. The list shows the failures, their IPs and the login that succeeded.',
    query: 'category:authentication outcome:failure',
    sequence: 'failed-then-success',
  },
  {
    id: 'audit-config',
    title: 'Audit configuration changed or export disabled',
    explanation:
      'Changes to what is audited or where audit logs go: audit configuration updates, audit export failures, and ' +
      'CloudTrail trail changes (StopLogging, DeleteTrail, UpdateTrail, PutEventSelectors). Someone covering tracks ' +
      'starts here.',
    query:
      'action:AUDIT_CONFIG_UPDATED OR action:AUDIT_EXPORT_FAILED OR "disabled audit export" OR action:StopLogging OR ' +
      'action:DeleteTrail OR action:UpdateTrail OR action:PutEventSelectors OR action:audit_log_streaming.*',
  },
  {
    id: 'credentials-integrations',
    title: 'Credential or integration changes',
    explanation:
      'Passwords changed or reset, API keys and access keys created or revoked, and integration credentials updated: ' +
      'every change to how people and systems authenticate.',
    query:
      'action:PASSWORD_* OR action:ApiKey* OR action:integration_* OR action:CreateAccessKey OR ' +
      'action:DeleteAccessKey OR action:UpdateAccessKey OR action:system.api_token.* OR action:user.account.update_password',
  },
];

/** The investigation's query with its parameters filled in; throws with the parameter's hint on a bad value. */
export function investigationQuery(inv: BuiltInInvestigation, values: Record<string, string> = {}): string {
  let text = inv.query;
  for (const p of inv.params ?? []) {
    const value = (values[p.name] ?? p.default).trim();
    if (!p.pattern.test(value)) throw new Error(`${p.label}: '${value}' is not valid (${p.hint})`);
    text = text.replaceAll(`{${p.name}}`, value);
  }
  return text;
}
