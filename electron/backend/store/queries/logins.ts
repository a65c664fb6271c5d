/**
 * Which authentication events are logins. The category `authentication` also holds logouts, password changes and
 * MFA enrolments; "failed logins then success" must only pair sign-in attempts. Action names of the supported
 * vendors: LOGIN_SUCCESS/LOGIN_FAILURE (rule platform, demo), ConsoleLogin (CloudTrail), user.session.start and
 * user.authentication.* (Okta), Sign-in activity (Entra), UserLoggedIn / UserLoginFailed (M365), and Auth0's
 * short log codes for logins (s, f, fp, fu: success, failure, wrong password, wrong user name).
 */
const AUTH0_LOGIN_CODES = new Set(['s', 'f', 'fp', 'fu']);
const LOGIN = /log_?[io]n|logged_?in|sign[-_ ]?in|signin|authenticat|session\.start|\bsso\b/i;
const NOT_LOGIN = /logout|logoff|log_?out|password|mfa_?enrol|factor\.(?:activate|deactivate)/i;

export function isLoginAction(action: string | null): boolean {
  return action !== null && (AUTH0_LOGIN_CODES.has(action) || LOGIN.test(action)) && !NOT_LOGIN.test(action);
}
