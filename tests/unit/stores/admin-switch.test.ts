import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isAdminOn, watchAdminSwitch } from '@/utils/content/stores/admin-switch';
import { startAdminRowUi } from '@/utils/content/row-ui/start-content';
import { updateSettings } from '@/utils/background/storage/settings-store';
import type { AdminLocator } from '@/utils/content/stores/types';
import { GODOMALL, type BuiltInAdminId } from '@/utils/shared/store-admins';

const switchTo = (id: BuiltInAdminId, on: boolean) =>
  updateSettings((s) => ({ ...s, store: { ...s.store, admins: { ...s.store.admins, [id]: on } } }));
const settle = () => new Promise((r) => setTimeout(r, 20));

const pages: AbortController[] = [];
function page(): AbortSignal {
  const c = new AbortController();
  pages.push(c);
  return c.signal;
}

// One order row on a Godomall page; the locator stands in for the real one (tests/unit/stores/adapters.test.ts).
const godomall: AdminLocator<'godomall'> = {
  ...GODOMALL,
  locator: {
    store: 'godomall',
    locate: (doc) =>
      [...doc.querySelectorAll('td.a')].map((td) => ({
        anchor: td,
        place: '0',
        fields: () => ({ orderNo: 'A-0001', productOrderNo: 'A-0001-1', buyerName: '고객', productName: '꿀' }),
        selected: () => false,
      })),
  },
};
const buttons = () => document.querySelectorAll('ordertalk-row').length;

describe('built-in admins follow the options switch', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // fakeBrowser has no i18n; the row texts are not what these tests look at.
    Object.assign(fakeBrowser.i18n, { getMessage: () => '카톡 알림', getUILanguage: () => 'ko' });
    document.body.innerHTML = '<table><tbody><tr><td class="a"></td></tr></tbody></table>';
  });
  afterEach(() => {
    for (const c of pages.splice(0)) c.abort();
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

  it('reports the switch now and on every change, and off once the page goes', async () => {
    const seen: boolean[] = [];
    const controller = new AbortController();
    watchAdminSwitch('cafe24', controller.signal, (on) => seen.push(on));
    await vi.waitFor(() => expect(seen).toEqual([true]));
    await switchTo('cafe24', false);
    await vi.waitFor(() => expect(seen).toEqual([true, false]));
    await switchTo('cafe24', true);
    await vi.waitFor(() => expect(seen).toEqual([true, false, true]));
    controller.abort();
    await vi.waitFor(() => expect(seen.at(-1)).toBe(false));
    await switchTo('cafe24', true);
    await settle();
    expect(seen.slice(3).every((on) => !on)).toBe(true);
  });

  it('puts buttons while on, takes them off when switched off with the page open, and puts them back', async () => {
    startAdminRowUi(page(), godomall);
    await vi.waitFor(() => expect(buttons()).toBe(1));
    await switchTo('godomall', false);
    await vi.waitFor(() => expect(buttons()).toBe(0));
    await switchTo('cafe24', false); // another admin's switch changes nothing here
    await switchTo('godomall', true);
    await vi.waitFor(() => expect(buttons()).toBe(1));
  });

  it('puts no buttons while switched off, and none after the page goes', async () => {
    await switchTo('godomall', false);
    const signal = page();
    startAdminRowUi(signal, godomall);
    await settle();
    expect(buttons()).toBe(0);
    await switchTo('godomall', true);
    await vi.waitFor(() => expect(buttons()).toBe(1));
    pages[0]!.abort();
    await vi.waitFor(() => expect(buttons()).toBe(0));
    await switchTo('godomall', false);
    await switchTo('godomall', true);
    await settle();
    expect(buttons()).toBe(0);
  });
});
