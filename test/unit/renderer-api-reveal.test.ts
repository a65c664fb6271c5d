import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../renderer/src/api/types.js';

// client.ts builds the page's own client when loaded; give it the page address it reads the token from.
let createApi: typeof import('../../renderer/src/api/client.js').createApi;
beforeAll(async () => {
  vi.stubGlobal('window', { location: { href: 'http://127.0.0.1:1/' } });
  ({ createApi } = await import('../../renderer/src/api/client.js'));
});

// "Show in folder" exists only where the host can open the file manager (the Electron bridge); the browser host
// offers downloads instead. The client must say which, and pass the path through unchanged.
function transport(extra: Partial<Transport>): Transport {
  return {
    kind: 'web',
    invoke: async () => ({ ok: true, value: null }),
    on: () => () => {},
    stage: async () => ({ paths: [] }),
    onConnection: () => () => {},
    ...extra,
  };
}

describe('api.revealFile', () => {
  it('is offered and forwards the path when the transport can reveal files', async () => {
    const asked: string[] = [];
    const api = createApi(transport({ kind: 'electron', revealFile: async (p) => (asked.push(p), p.endsWith('.zip')) }));
    expect(api.canReveal).toBe(true);
    expect(await api.revealFile('/cases/a.auditlens.exports/pack.zip')).toBe(true);
    expect(await api.revealFile('/etc/passwd')).toBe(false);
    expect(asked).toEqual(['/cases/a.auditlens.exports/pack.zip', '/etc/passwd']);
  });

  it('is not offered by the browser host, and reports nothing shown', async () => {
    const api = createApi(transport({}));
    expect(api.canReveal).toBe(false);
    expect(await api.revealFile('/tmp/x.csv')).toBe(false);
  });
});
