import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { syncCustomScripts } from '@/utils/background/custom-scripts';
import { originPattern } from '@/utils/shared/custom-admin';

const admin = (urlPattern: string) => ({
  name: urlPattern,
  urlPattern,
  rowSelector: 'tr',
  fields: { orderNo: { header: '주문번호' }, buyerName: { selector: '.b' }, productName: { selector: '.p' } },
});

describe('custom admin content scripts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for one site only', () => {
    expect(originPattern('https://admin.myshop.com/orders*')).toBe('https://admin.myshop.com/*');
  });

  function fakeScripting(granted: Set<string>, refuse = new Set<string>()) {
    const b = browser as unknown as Record<string, unknown>;
    b.permissions = { contains: vi.fn(async ({ origins }: { origins: string[] }) => granted.has(origins[0]!)) };
    const registered: { id: string; matches: string[]; js: string[] }[] = [
      { id: 'someone-else', matches: ['https://z.example/*'], js: ['x.js'] },
    ];
    b.scripting = {
      getRegisteredContentScripts: vi.fn(async () => registered.slice()),
      unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
        for (const id of ids)
          registered.splice(
            registered.findIndex((r) => r.id === id),
            1,
          );
      }),
      registerContentScripts: vi.fn(async (s: { id: string; matches: string[]; js: string[] }[]) => {
        // The browser refuses a whole call when one pattern is bad: one call per admin keeps the others.
        if (s.some((r) => r.matches.some((m) => refuse.has(m)))) throw new Error('Invalid url pattern');
        registered.push(...s);
      }),
    };
    return registered;
  }

  it('registers the script only for sites whose permission was granted, replacing the old registration', async () => {
    const granted = new Set(['https://a.example/*']);
    const registered = fakeScripting(granted);
    expect(await syncCustomScripts([admin('https://a.example/orders*'), admin('https://b.example/x*')])).toEqual({
      granted: ['https://a.example/orders*'],
      rejected: [],
    });
    expect(registered).toEqual([
      expect.objectContaining({ id: 'someone-else' }),
      expect.objectContaining({ matches: ['https://a.example/orders*'], js: ['content-scripts/custom-admin.js'] }),
    ]);
    granted.clear();
    expect((await syncCustomScripts([admin('https://a.example/orders*')])).granted).toEqual([]);
    expect(registered.map((r) => r.id)).toEqual(['someone-else']);
  });

  it('keeps every other admin working when one pattern is refused, and says which and why', async () => {
    const granted = new Set(['https://a.example/*', 'https://b.example/*', 'https://c.example/*']);
    const registered = fakeScripting(granted, new Set(['https://b.example/x*']));
    const result = await syncCustomScripts([
      admin('https://a.example/orders*'),
      admin('https://user@c.example/orders*'), // saved under older rules
      admin('https://b.example/x*'), // refused by the browser itself
      admin('https://c.example/orders*'),
    ]);
    expect(result.granted).toEqual(['https://a.example/orders*', 'https://c.example/orders*']);
    expect(result.rejected).toEqual([
      { urlPattern: 'https://user@c.example/orders*', reason: expect.stringContaining('사용자 이름') },
      { urlPattern: 'https://b.example/x*', reason: 'Invalid url pattern' },
    ]);
    expect(registered.flatMap((r) => r.matches)).toEqual([
      'https://z.example/*',
      'https://a.example/orders*',
      'https://c.example/orders*',
    ]);
  });
});
