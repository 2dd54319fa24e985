import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isAdminOn, whileAdminOn } from '@/utils/content/stores/admin-switch';
import { updateSettings } from '@/utils/background/storage/settings-store';
import { mountRows } from '@/utils/content/row-ui/mount-rows';
import type { Locator } from '@/utils/content/stores/types';
import type { BuiltInAdminId } from '@/utils/shared/store-admins';

const switchTo = (id: BuiltInAdminId, on: boolean) =>
  updateSettings((s) => ({ ...s, store: { ...s.store, admins: { ...s.store.admins, [id]: on } } }));

const stops: AbortController[] = [];
function watch(id: BuiltInAdminId) {
  const outer = new AbortController();
  stops.push(outer);
  const runs: AbortSignal[] = [];
  whileAdminOn(id, outer.signal, (signal) => runs.push(signal));
  const running = () => runs.filter((s) => !s.aborted).length;
  return { outer, runs, running };
}

describe('built-in admins follow the options switch', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    for (const c of stops.splice(0)) c.abort();
    document.body.innerHTML = '';
  });

  it('reads the switch from the settings as the background saves them; none or unreadable is on', async () => {
    expect(isAdminOn('smartstore', undefined)).toBe(true);
    await switchTo('smartstore', false);
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(isAdminOn('smartstore', settings)).toBe(false);
    expect(isAdminOn('cafe24', settings)).toBe(true);
    expect(isAdminOn('smartstore', { store: { admins: { smartstore: 'no' } } })).toBe(true);
    expect(isAdminOn('godomall', { store: { admins: { godomall: false } } })).toBe(false);
  });

  it('starts when on, stops when switched off with the page open, starts again when switched on', async () => {
    const w = watch('cafe24');
    await vi.waitFor(() => expect(w.running()).toBe(1));
    await switchTo('cafe24', false);
    await vi.waitFor(() => expect(w.running()).toBe(0));
    await switchTo('godomall', false); // another admin's switch changes nothing here
    await switchTo('cafe24', true);
    await vi.waitFor(() => expect(w.running()).toBe(1));
    expect(w.runs).toHaveLength(2);
  });

  it('does not start while switched off, and stops for good with the page', async () => {
    await switchTo('smartstore', false);
    const w = watch('smartstore');
    await new Promise((r) => setTimeout(r, 20));
    expect(w.runs).toHaveLength(0);
    await switchTo('smartstore', true);
    await vi.waitFor(() => expect(w.running()).toBe(1));
    w.outer.abort();
    expect(w.running()).toBe(0);
    await switchTo('smartstore', false);
    await switchTo('smartstore', true);
    expect(w.runs).toHaveLength(1);
  });

  it('takes the row buttons off the page when switched off', async () => {
    document.body.innerHTML = '<table><tbody><tr><td class="a"></td></tr></tbody></table>';
    const locator: Locator = {
      store: 'godomall',
      locate: (doc) =>
        [...doc.querySelectorAll('td.a')].map((td) => ({
          anchor: td,
          place: '0',
          fields: () => ({ orderNo: 'A-0001', productOrderNo: 'A-0001-1', buyerName: '고객', productName: '꿀' }),
          selected: () => false,
        })),
    };
    const outer = new AbortController();
    stops.push(outer);
    whileAdminOn('godomall', outer.signal, (signal) =>
      mountRows({
        doc: document,
        url: () => new URL('https://gdadmin.shop.godomall.com/order/order_list_all.php'),
        locator,
        signal,
        texts: {
          notify: '카톡 알림',
          reason: (s) => s.reasonKo,
          bulk: (n) => `선택 ${n}`,
          status: { linked: '', 'needs-link': '', unreachable: '', sent: '', unknown: '' },
        },
        problemText: (p) => p.ko,
        openCompose: () => undefined,
        fetchStatuses: async () => ({}),
      }),
    );
    await vi.waitFor(() => expect(document.querySelectorAll('ordertalk-row')).toHaveLength(1));
    await switchTo('godomall', false);
    await vi.waitFor(() => expect(document.querySelectorAll('ordertalk-row')).toHaveLength(0));
    await switchTo('godomall', true);
    await vi.waitFor(() => expect(document.querySelectorAll('ordertalk-row')).toHaveLength(1));
  });
});
