import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createDataHandlers } from '@/utils/background/handlers/data';
import { getLink, setLink } from '@/utils/background/storage/links';
import { beginSend, listHistory } from '@/utils/background/storage/history';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { markReviewStep } from '@/utils/background/storage/review-progress';
import type { Order } from '@/utils/shared/order';
import { contentSender, send } from './support';

const order: Order = {
  store: 'smartstore',
  orderNo: '1',
  productOrderNo: '11',
  buyerName: '김민지',
  buyerId: 'minji',
  productName: '현미',
};

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
    await markReviewStep('teamMemberAt', true, 5);
    const exported = await send(h, 'data.export', {});
    const json = exported.ok ? (exported.value as { json: string }).json : '';
    expect(JSON.parse(json)).toMatchObject({ format: 'ordertalk-backup', checklist: { teamMemberAt: 5 } });
    expect(json).not.toContain('kakaoRefreshToken');
    expect(await send(h, 'data.erase', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await browser.storage.local.get(null)).toEqual({});
    const preview = await send(h, 'data.import', { json, apply: false });
    expect(preview).toMatchObject({ ok: true, value: { summary: { links: 1, history: 1 } } });
    expect(await getLink(order)).toBeNull();
    await send(h, 'data.import', { json, apply: true });
    expect(await getLink(order)).toMatchObject({ friendUuid: 'u7' });
    expect((await getSettings()).store.name).toBe('하늘상점');
    // A pending record from a backup can only be checked, never resumed.
    expect((await listHistory())[0]!.status).toBe('unknown');
  });

  it('rejects a broken file with a specific bilingual error', async () => {
    const h = createDataHandlers();
    expect(await send(h, 'data.import', { json: '{', apply: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', ko: expect.stringContaining('JSON') },
    });
    expect(
      await send(h, 'data.import', { json: '{"format":"ordertalk-backup","version":1}', apply: false }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
  });

  it('refuses content scripts, and an import without saying whether to apply it', async () => {
    const h = createDataHandlers();
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '하늘상점' } }));
    for (const type of ['data.export', 'data.erase'] as const) {
      expect(await send(h, type, {}, contentSender())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await send(h, 'data.import', { json: '{}' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect((await getSettings()).store.name).toBe('하늘상점');
  });
});
