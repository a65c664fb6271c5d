import { describe, expect, it } from 'vitest';
import { actorLabel, describeUserAgent } from '../../shared/format/user-agent.js';

describe('describeUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36', 'Chrome on macOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0', 'Firefox on Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36 Edg/124.0', 'Edge on Windows'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1', 'Safari on iOS'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0 Safari/537.36', 'Chrome on Linux'],
    ['aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64.debian', 'aws-cli'],
    ['Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux', 'AWS SDK for Python'],
    ['curl/8.5.0', 'curl'],
    ['python-requests/2.31.0', 'python-requests'],
    ['console.amazonaws.com', 'console.amazonaws.com'],
  ])('%s -> %s', (ua, expected) => {
    expect(describeUserAgent(ua)).toBe(expected);
  });
  it('gives null for a missing agent', () => {
    expect(describeUserAgent(null)).toBeNull();
    expect(describeUserAgent('  ')).toBeNull();
  });
  it('labels API keys as automated', () => {
    expect(actorLabel('api_key')).toBe('Automated');
    expect(actorLabel('user')).toBeNull();
  });
});
