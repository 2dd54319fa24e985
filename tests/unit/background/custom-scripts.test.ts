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

  it('registers the script only for sites whose permission was granted, replacing the old registration', async () => {
    const granted = new Set(['https://a.example/*']);
    const b = browser as unknown as Record<string, unknown>;
    b.permissions = { contains: vi.fn(async ({ origins }: { origins: string[] }) => granted.has(origins[0]!)) };
    const registered: unknown[] = [];
    b.scripting = {
      getRegisteredContentScripts: vi.fn(async () => registered),
      unregisterContentScripts: vi.fn(async () => void registered.splice(0)),
      registerContentScripts: vi.fn(async (s: unknown[]) => void registered.push(...s)),
    };
    expect(await syncCustomScripts([admin('https://a.example/orders*'), admin('https://b.example/x*')])).toEqual([
      'https://a.example/orders*',
    ]);
    expect(registered).toEqual([
      expect.objectContaining({ matches: ['https://a.example/orders*'], js: ['content-scripts/custom-admin.js'] }),
    ]);
    granted.clear();
    expect(await syncCustomScripts([admin('https://a.example/orders*')])).toEqual([]);
    expect(registered).toEqual([]);
  });
});
