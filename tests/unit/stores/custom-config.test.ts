import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { customAdminFor } from '@/utils/content/stores/custom-config';
import { updateSettings } from '@/utils/background/storage/settings-store';
import type { CustomAdmin } from '@/utils/shared/custom-admin';

const shop: CustomAdmin = {
  name: '우리 쇼핑몰',
  urlPattern: 'https://admin.example.com/orders*',
  rowSelector: 'tr.order',
  fields: { orderNo: { selector: '.no' }, buyerName: { header: '주문자' }, productName: { selector: '.item' } },
};
const page = new URL('https://admin.example.com/orders?page=2');

describe('the custom admin script reads its configuration', () => {
  beforeEach(() => fakeBrowser.reset());

  it('from settings as the background saves them', async () => {
    await updateSettings((s) => ({
      ...s,
      customAdmins: [shop],
      store: { ...s.store, admins: { ...s.store.admins, custom: true } },
    }));
    expect(await customAdminFor(page)).toEqual(shop);
    expect(await customAdminFor(new URL('https://admin.example.com/products'))).toBeUndefined();
  });

  it('not when custom admins are turned off', async () => {
    await updateSettings((s) => ({
      ...s,
      customAdmins: [shop],
      store: { ...s.store, admins: { ...s.store.admins, custom: false } },
    }));
    expect(await customAdminFor(page)).toBeUndefined();
  });

  it('not from missing or malformed settings', async () => {
    expect(await customAdminFor(page)).toBeUndefined();
    await fakeBrowser.storage.local.set({
      settings: {
        store: { admins: { custom: true } },
        customAdmins: [{ ...shop, urlPattern: 'http://admin.example.com/*' }],
      },
    });
    expect(await customAdminFor(page)).toBeUndefined();
  });
});
