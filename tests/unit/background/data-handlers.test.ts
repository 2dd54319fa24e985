import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createDataHandlers } from '@/utils/background/handlers/data';
import { getLink, setLink } from '@/utils/background/storage/links';
import { beginSend, listHistory } from '@/utils/background/storage/history';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import type { Order } from '@/utils/shared/order';

const order: Order = {
  store: 'smartstore',
  orderNo: '1',
  productOrderNo: '11',
  buyerName: '김민지',
  buyerId: 'minji',
  productName: '현미',
};
const meta = { caller: 'page' as const, sender: {} };

describe('data export, import and erase', () => {
  beforeEach(() => fakeBrowser.reset());

  it('round-trips settings, links and history, with a summary before applying; never secrets', async () => {
    const h = createDataHandlers();
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '하늘상점' } }));
    await setLink(order, { id: 7, uuid: 'u7', nickname: '민지' });
    await beginSend(
      {
        store: 'smartstore',
        orderNo: '1',
        productOrderNo: '11',
        recipientNickname: '민지',
        templateId: 't',
        templateName: 'T',
      },
      { allowRepeat: false },
    );
    await browser.storage.local.set({ kakaoRefreshToken: 'v1.sealed' });
    const { json } = await h['data.export']!({}, meta);
    expect(json).not.toContain('kakaoRefreshToken');
    await h['data.erase']!({}, meta);
    expect(await browser.storage.local.get(null)).toEqual({});
    const preview = await h['data.import']!({ json, apply: false }, meta);
    expect(preview.summary).toMatchObject({ linksAdded: 1, history: 1 });
    expect(await getLink(order)).toBeNull();
    await h['data.import']!({ json, apply: true }, meta);
    expect(await getLink(order)).toMatchObject({ friendUuid: 'u7' });
    expect((await getSettings()).store.name).toBe('하늘상점');
    // A pending record from a backup can only be checked, never resumed.
    expect((await listHistory())[0]!.status).toBe('unknown');
  });

  it('rejects a broken file with a specific bilingual error', async () => {
    const h = createDataHandlers();
    await expect(h['data.import']!({ json: '{', apply: false }, meta)).rejects.toMatchObject({
      code: 'invalid-file',
      ko: expect.stringContaining('JSON'),
    });
    await expect(
      h['data.import']!({ json: '{"format":"ordertalk-backup","version":1}', apply: false }, meta),
    ).rejects.toMatchObject({ code: 'invalid-file' });
  });
});
