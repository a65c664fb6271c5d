/**
 * A person-readable client from a User-Agent string ("Chrome on macOS", "aws-cli", "curl"), as the audit consoles
 * analysts know show it. Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iOS also says
 * "Mac OS X". Unknown agents give their first product token; an empty one gives null.
 */
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bChrome\/|\bCriOS\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];
const SYSTEMS: [RegExp, string][] = [
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];
const TOOLS: [RegExp, string][] = [
  [/^aws-cli\//, 'aws-cli'],
  [/^(?:Boto3|botocore)\//, 'AWS SDK for Python'],
  [/^aws-sdk-(\w+)/, 'AWS SDK'],
  [/^Terraform\//, 'Terraform'],
  [/^kubectl\//, 'kubectl'],
  [/^curl\//, 'curl'],
  [/^python-requests\//, 'python-requests'],
  [/^Go-http-client\//, 'Go HTTP client'],
  [/^okhttp\//, 'OkHttp'],
  [/^PostmanRuntime\//, 'Postman'],
];

export function describeUserAgent(ua: string | null | undefined): string | null {
  const text = ua?.trim();
  if (!text) return null;
  for (const [re, name] of TOOLS) if (re.test(text)) return name;
  if (text.startsWith('Mozilla/')) {
    const browser = BROWSERS.find(([re]) => re.test(text))?.[1];
    const system = SYSTEMS.find(([re]) => re.test(text))?.[1];
    if (browser && system) return `${browser} on ${system}`;
    if (browser ?? system) return (browser ?? system)!;
  }
  const first = /^[^\s/;()]+/.exec(text)?.[0];
  return first ?? text.slice(0, 40);
}

/** How an actor is labelled beside its name: API keys and tokens act without a person at the keyboard. */
export function actorLabel(actorType: string): string | null {
  if (actorType === 'api_key') return 'Automated';
  if (actorType === 'service') return 'Service';
  if (actorType === 'system') return 'System';
  return null;
}
