import type { ActorType, Category, Outcome, Severity } from '../../../../shared/model/event.js';
import { classifyAction } from './classify.js';
import { firstStr, get, getStr, isRecord, maxSeverity, str, type Rec } from './common.js';

/**
 * CloudTrail field interpretation (record contents and userIdentity element as documented in the CloudTrail user
 * guide). Kept apart from the module so the envelope/lookup/Logstash handling in cloudtrail.ts stays readable.
 */

export interface CtActor {
  actor: string | null;
  actorType: ActorType;
  /** Short form for summaries: user name, role/session, service name. */
  label: string | null;
}

export function ctActor(r: Rec): CtActor {
  const id = isRecord(r.userIdentity) ? r.userIdentity : {};
  const type = str(id.type);
  const arn = str(id.arn);
  const invokedBy = str(id.invokedBy);
  const userName = str(id.userName) ?? getStr(id, 'onBehalfOf.userId');
  const principalId = str(id.principalId);

  if (type === 'AWSService' || (!type && invokedBy && !arn)) {
    return { actor: invokedBy ?? principalId, actorType: 'service', label: invokedBy ?? principalId };
  }
  const actor = arn ?? userName ?? principalId ?? str(id.accountId);
  let actorType: ActorType = 'unknown';
  let label = userName ?? actor;
  switch (type) {
    case 'Root':
      actorType = 'user';
      label = 'root';
      break;
    case 'IAMUser':
    case 'FederatedUser':
    case 'IdentityCenterUser':
    case 'SAMLUser':
    case 'WebIdentityUser':
    case 'Directory':
      actorType = 'user';
      break;
    case 'AssumedRole': {
      // arn:aws:sts::123:assumed-role/RoleName/SessionName -> RoleName/SessionName
      const m = arn ? /assumed-role\/(.+)$/.exec(arn) : null;
      label = m ? m[1] : actor;
      // A role session is a person only when CloudTrail says it came from the console or SSO; otherwise it may
      // equally be a workload, so the type stays unknown unless a service invoked it.
      if (invokedBy) actorType = 'service';
      else if (str(r.sessionCredentialFromConsole) === 'true' || /\/[^/]+@[^/]+$/.test(arn ?? '')) actorType = 'user';
      break;
    }
    default:
      if (invokedBy) actorType = 'service';
  }
  return { actor, actorType, label };
}

/** Access key of the call (identifies the STS session for temporary credentials), else the role session start. */
export function ctSession(r: Rec): string | null {
  const key = getStr(r, 'userIdentity.accessKeyId');
  if (key) return key;
  const issuer = getStr(r, 'userIdentity.sessionContext.sessionIssuer.principalId');
  const created = getStr(r, 'userIdentity.sessionContext.attributes.creationDate');
  return issuer && created ? `${issuer}@${created}` : null;
}

// requestParameters keys that name the thing acted on, most specific first, with the type they imply.
const PARAM_TARGETS: [string, string][] = [
  ['roleName', 'role'], ['userName', 'user'], ['groupName', 'group'], ['policyArn', 'policy'],
  ['policyName', 'policy'], ['roleArn', 'role'], ['trailName', 'trail'], ['name', 'resource'],
  ['bucketName', 'bucket'], ['instanceId', 'instance'], ['functionName', 'function'], ['keyId', 'key'],
  ['secretId', 'secret'], ['tableName', 'table'], ['clusterName', 'cluster'], ['repositoryName', 'repository'],
  ['dBInstanceIdentifier', 'db instance'], ['stackName', 'stack'], ['snapshotId', 'snapshot'],
  ['volumeId', 'volume'], ['groupId', 'security group'], ['detectorId', 'detector'], ['logGroupName', 'log group'],
  ['accessKeyId', 'access key'], ['serialNumber', 'mfa device'], ['instanceProfileName', 'instance profile'],
];

export function ctTarget(r: Rec): { target: string | null; targetType: string | null } {
  const resources = Array.isArray(r.resources) ? r.resources.filter(isRecord) : [];
  if (resources.length > 0) {
    return { target: firstStr(resources[0], 'ARN', 'arn'), targetType: str(resources[0].type) };
  }
  const p = r.requestParameters;
  if (isRecord(p)) {
    const bucket = str(p.bucketName);
    const key = str(p.key);
    if (bucket && key) return { target: `${bucket}/${key}`, targetType: 'object' };
    for (const [k, type] of PARAM_TARGETS) {
      const v = str(p[k]);
      if (v) return { target: v, targetType: type };
    }
    const instance = getStr(p, 'instancesSet.items.0.instanceId');
    if (instance) return { target: instance, targetType: 'instance' };
  }
  const serviceTarget = getStr(r, 'serviceEventDetails.snapshotId');
  if (serviceTarget) return { target: serviceTarget, targetType: 'snapshot' };
  return { target: null, targetType: null };
}

/**
 * CloudTrail writes errorCode only for failed requests, so a completed API call (`AwsApiCall`) without one is a
 * documented success. Sign-in events carry their result in responseElements (`ConsoleLogin: "Success"`). Service
 * events, insights and records without an eventType state no outcome.
 */
export function ctOutcome(r: Rec): Outcome {
  if (str(r.errorCode)) return 'failure';
  const eventType = str(r.eventType);
  const name = str(r.eventName);
  if (eventType === 'AwsConsoleSignIn' || name === 'ConsoleLogin') {
    const result = name ? getStr(r, `responseElements.${name}`) : null;
    if (result === 'Success') return 'success';
    if (result === 'Failure') return 'failure';
    return str(r.errorMessage) ? 'failure' : 'unknown';
  }
  if (eventType === 'AwsApiCall') return 'success';
  return 'unknown';
}

const AUDIT_TAMPERING = new Set([
  'StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors', 'DeleteEventDataStore',
  'StopEventDataStoreIngestion', 'DeleteDetector', 'DisassociateFromMasterAccount', 'UpdateDetector',
  'DeleteFlowLogs', 'StopConfigurationRecorder', 'DeleteConfigurationRecorder', 'DeleteDeliveryChannel',
  'DeleteLogGroup', 'DeleteLogStream', 'PutBucketLogging', 'DisableSecurityHub', 'DeleteMembers',
]);
const CREDENTIAL_CHANGES = new Set([
  'CreateAccessKey', 'UpdateAccessKey', 'DeleteAccessKey', 'CreateLoginProfile', 'UpdateLoginProfile',
  'DeleteLoginProfile', 'ChangePassword', 'CreateVirtualMFADevice', 'DeactivateMFADevice', 'DeleteVirtualMFADevice',
  'EnableMFADevice', 'ResyncMFADevice', 'UploadSSHPublicKey', 'CreateServiceSpecificCredential',
  'UploadSigningCertificate', 'GetFederationToken', 'CreateKeyPair', 'ImportKeyPair', 'CreateSecret',
  'PutSecretValue', 'DeleteSecret', 'ScheduleKeyDeletion', 'DisableKey',
]);
// Reads that hand out secret material: data access, but the kind an investigation looks for first.
const SECRET_READS = new Set(['GetSecretValue', 'GetPasswordData', 'BatchGetSecretValue', 'GetParametersByPath']);
const USER_MANAGEMENT = new Set([
  'CreateUser', 'DeleteUser', 'UpdateUser', 'AddUserToGroup', 'RemoveUserFromGroup', 'CreateGroup', 'DeleteGroup',
  'TagUser', 'UntagUser',
]);
const AUTHENTICATION = new Set([
  'ConsoleLogin', 'GetSessionToken', 'AssumeRole', 'AssumeRoleWithSAML', 'AssumeRoleWithWebIdentity', 'CheckMfa',
  'SwitchRole', 'ExitRole', 'RenewRole', 'GetSigninToken', 'Federate', 'Authenticate', 'CredentialVerification',
  'CredentialChallenge', 'UserAuthentication', 'PasswordUpdated',
]);
const DENIED = /AccessDenied|UnauthorizedOperation|Unauthorized|Forbidden|NotAuthorized/i;

export function ctClassify(r: Rec, outcome: Outcome, actorType: ActorType): { category: Category; severity: Severity } {
  const name = str(r.eventName) ?? '';
  const eventType = str(r.eventType);
  let category: Category;
  let severity: Severity = 'info';
  if (eventType === 'AwsConsoleSignIn' || AUTHENTICATION.has(name)) category = 'authentication';
  else if (AUDIT_TAMPERING.has(name)) {
    category = 'configuration';
    severity = 'critical';
  } else if (CREDENTIAL_CHANGES.has(name)) {
    category = 'authorization';
    severity = 'warning';
  } else if (SECRET_READS.has(name)) {
    category = 'data_access';
    severity = 'warning';
  } else if (USER_MANAGEMENT.has(name)) category = 'user_management';
  else if (str(r.eventSource) === 'iam.amazonaws.com' && /Policy|Role|Permission/.test(name) && !/^(Get|List)/.test(name)) {
    category = 'authorization';
    severity = 'warning';
  } else if (get(r, 'readOnly') === true || /^(Get|List|Describe|Head|Lookup|Search|Select|BatchGet)/.test(name)) {
    category = 'data_access';
  } else {
    const c = classifyAction(name, outcome);
    category = c.category;
    severity = c.severity;
  }
  if (category === 'authentication' && outcome === 'failure') severity = maxSeverity(severity, 'warning');
  if (name === 'ConsoleLogin' && getStr(r, 'userIdentity.type') === 'Root') severity = maxSeverity(severity, 'warning');
  // Denied calls are how reconnaissance and privilege probing show up; a service being throttled is not.
  if (DENIED.test(str(r.errorCode) ?? '') && actorType !== 'service') severity = maxSeverity(severity, 'warning');
  return { category, severity };
}
