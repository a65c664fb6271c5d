import type { Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { memoByString } from './memo.js';

/**
 * Keyword classification of an action name into category and severity. Vendor modules use their own tables first
 * and fall back to this; the generic mappers rely on it entirely. It splits `PutBucketPolicy`, `user.session.start`,
 * `repo.add_member` or `ApiKeyRevoked` into words and reads them as verb + nouns, so the rules stay vendor-neutral.
 */

export interface Classification {
  category: Category;
  severity: Severity;
}

const AUTHN = new Set([
  'login', 'logon', 'logout', 'logoff', 'signin', 'signout', 'authenticate', 'authentication', 'authn', 'mfa', '2fa',
  'otp', 'sso', 'password', 'passwordless', 'session', 'factor', 'totp', 'webauthn', 'passkey', 'impersonation',
]);
const EXPORT = new Set(['export', 'exported', 'exporting']);
const READ_VERBS = new Set([
  'get', 'list', 'describe', 'read', 'view', 'viewed', 'download', 'downloaded', 'search', 'query', 'lookup', 'fetch',
  'head', 'watch', 'preview', 'previewed', 'open', 'opened', 'accessed', 'access', 'clone', 'browse', 'select',
]);
const CHANGE_VERBS = new Set([
  'create', 'created', 'delete', 'deleted', 'update', 'updated', 'put', 'modify', 'modified', 'add', 'added', 'remove',
  'removed', 'patch', 'write', 'edit', 'edited', 'publish', 'published', 'archive', 'archived', 'unarchive',
  'unarchived', 'set', 'change', 'changed', 'enable', 'enabled', 'disable', 'disabled', 'revoke', 'revoked', 'grant',
  'granted', 'attach', 'detach', 'rotate', 'rotated', 'reset', 'activate', 'activated', 'deactivate', 'deactivated',
  'suspend', 'suspended', 'unsuspend', 'restore', 'restored', 'rename', 'renamed', 'transfer', 'upload', 'import',
  'register', 'registered', 'deprecate', 'deprecated', 'retire', 'retired', 'stop', 'start', 'run', 'terminate',
  'invite', 'invited', 'assign', 'assigned', 'unassign', 'destroy', 'replace', 'upsert', 'insert', 'issue', 'issued',
  'refresh', 'lock', 'unlock', 'block', 'unblock', 'approve', 'reject', 'cancel', 'enqueue', 'apply', 'deploy',
]);
const DISABLE_VERBS = new Set([
  'delete', 'deleted', 'disable', 'disabled', 'stop', 'remove', 'removed', 'deactivate', 'deactivated', 'destroy',
  'suspend', 'suspended',
]);
const AUTHZ = new Set([
  'role', 'roles', 'permission', 'permissions', 'privilege', 'privileges', 'policy', 'policies', 'grant', 'grants',
  'acl', 'iam', 'rbac', 'rolebinding', 'rolebindings', 'clusterrole', 'clusterroles', 'clusterrolebinding',
  'clusterrolebindings', 'admin', 'admins', 'administrator', 'owner', 'assume', 'impersonate', 'entitlement', 'scope',
  'scopes', 'sharing', 'share', 'consent', 'delegation',
]);
const CREDENTIAL = new Set([
  'key', 'keys', 'apikey', 'apikeys', 'accesskey', 'accesskeys', 'token', 'tokens', 'credential', 'credentials',
  'secret', 'secrets', 'certificate', 'certificates', 'password', 'passwords', 'mfa', 'factor', 'deploykey', 'sshkey',
  'pat', 'serviceaccountkey', 'keypair',
]);
const USERS = new Set([
  'user', 'users', 'member', 'members', 'membership', 'group', 'groups', 'invite', 'invitation', 'account',
  'accounts', 'team', 'teams', 'collaborator', 'collaborators', 'person', 'people', 'deprovision',
  'provision', 'guest', 'employee', 'identity',
]);
const CONFIG = new Set([
  'config', 'configuration', 'setting', 'settings', 'audit', 'trail', 'logging', 'log', 'logs', 'webhook', 'hook',
  'integration', 'domain', 'saml', 'oauth', 'retention', 'feature', 'preference', 'preferences', 'branding', 'engine',
  'rule', 'rules', 'alert', 'alerts', 'protection', 'scanning', 'license', 'plan', 'billing', 'app', 'application',
]);
const AUDIT_NOUNS = new Set(['audit', 'trail', 'logging', 'log', 'logs', 'flowlogs', 'auditlog', 'diagnostic']);

/** Lower-case words of an action name: `PutBucketPolicy` -> put bucket policy; `user.session.start` -> user session start. */
export function actionWords(action: string): string[] {
  return action
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function classifyAction(action: string | null, outcome: Outcome = 'unknown'): Classification {
  if (!action) return { category: 'other', severity: 'info' };
  return classifyMemo(`${outcome}\u0000${action}`);
}

// Keyed by outcome + action: the same few hundred names recur in every file.
const classifyMemo = memoByString((key) => {
  const split = key.indexOf('\u0000');
  // Frozen: every caller shares the cached object.
  return Object.freeze(classifyUncached(key.slice(split + 1), key.slice(0, split) as Outcome));
});

function classifyUncached(action: string, outcome: Outcome): Classification {
  const words = actionWords(action);
  const joined = words.join('');
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  const signIn = has(AUTHN) || /sign(ed)?(in|on|out)|log(ged)?(in|on|out|off)/.test(joined);
  const changes = has(CHANGE_VERBS);
  const reads = has(READ_VERBS) && !changes;
  const credential = has(CREDENTIAL) || /apikey|accesskey|token|secret|credential/.test(joined);
  const audit = has(AUDIT_NOUNS);

  let category: Category;
  if (has(EXPORT)) category = 'export';
  else if (signIn) category = 'authentication';
  else if (reads) category = 'data_access';
  else if (has(AUTHZ) || credential) category = 'authorization';
  else if (has(USERS)) category = 'user_management';
  else if (has(CONFIG)) category = 'configuration';
  else if (changes) category = 'resource_change';
  else category = 'other';

  let severity: Severity = 'info';
  if (category === 'authentication' && outcome === 'failure') severity = 'critical';
  if (changes && (credential || category === 'authorization')) severity = 'warning';
  if (changes && audit) severity = words.some((w) => DISABLE_VERBS.has(w)) ? 'critical' : 'warning';
  if (outcome === 'failure' && category === 'authorization') severity = 'warning';
  return { category, severity };
}

const FAILED_WORDS = new Set(['failure', 'failed', 'fail', 'denied', 'rejected', 'error', 'errored', 'unsuccessful']);
const SUCCEEDED_WORDS = new Set(['success', 'succeeded', 'successful', 'completed', 'complete']);

/**
 * The outcome an action's own name states (`LOGIN_FAILURE`, `login_failed`, `AUDIT_EXPORT_COMPLETED`), read from
 * its last word; anything else stays unknown (a plain `LOGIN` says nothing about its result).
 */
export function outcomeOfAction(action: string | null): Outcome {
  if (!action) return 'unknown';
  const words = actionWords(action);
  const last = words[words.length - 1];
  if (FAILED_WORDS.has(last)) return 'failure';
  if (SUCCEEDED_WORDS.has(last)) return 'success';
  return 'unknown';
}
