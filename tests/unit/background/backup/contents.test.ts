import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { collectContents, planImport } from '@/utils/background/backup/contents';
import { createDataHandlers } from '@/utils/background/handlers/data';
import { exportLinks, getLink, setLink } from '@/utils/background/storage/links';
import { beginSend, exportHistory, importHistory, listHistory } from '@/utils/background/storage/history';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { getReviewProgress, markReviewStep } from '@/utils/background/storage/review-progress';
import { listTemplates, saveTemplate } from '@/utils/background/storage/template-store';
import { saltedHash } from '@/utils/background/storage/customer-key';
import type { Order } from '@/utils/shared/order';
import type { Template } from '@/utils/shared/templates';
import { send } from '../handlers/support';

const order: Order = {
  store: 'smartstore',
  orderNo: '1',
  productOrderNo: '11',
  buyerName: '김민지',
  buyerId: 'minji',
  productName: '현미',
};
const mine: Template = {
  id: 'my-thanks',
  name: '감사 인사',
  layout: 'text',
  body: '{구매자명}님, 감사합니다.',
  buttons: [],
  builtIn: false,
};
/** A history record as a send leaves it (~450 characters, like a real one). */
const record = (i: number) => ({
  id: `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`,
  createdAt: 1_764_000_000_000 + i * 60_000,
  completedAt: 1_764_000_000_900 + i * 60_000,
  store: 'smartstore',
  orderNo: `2026112498${i.toString().padStart(6, '0')}`,
  productOrderNo: `2026112412${i.toString().padStart(6, '0')}`,
  recipientNickname: '김하늘',
  templateId: 'shipped',
  templateName: '발송 완료 알림',
  status: i % 10 ? 'sent' : 'failed',
  ...(i % 10
    ? {}
    : { error: { code: '-530', ko: '카카오톡 수신을 거부한 사용자예요.', en: 'The user refuses messages.' } }),
  requestId: `10000000-0000-4000-8000-${Math.floor(i / 5)
    .toString()
    .padStart(12, '0')}`,
  friendId: 1000 + (i % 300),
});

async function erase() {
  expect(await send(createDataHandlers(), 'data.erase', {})).toMatchObject({ ok: true });
}

/** Contents as a file carries them: JSON text, read back. */
const throughJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('backup contents', () => {
  beforeEach(() => fakeBrowser.reset());

  it('export → erase → import restores settings, links, own templates, review progress and history', async () => {
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '하늘상점' }, historyRetentionDays: 730 }));
    await setLink(order, { id: 7, uuid: 'u7', nickname: '민지' });
    await setLink(
      { ...order, buyerId: undefined, buyerPhone: '010-1234-5678' },
      { id: 8, uuid: 'u8', nickname: '하늘' },
    );
    await saveTemplate(mine);
    await markReviewStep('teamMemberAt', true, 5);
    await markReviewStep('bizAppAt', true, 6);
    await importHistory([record(1), record(2)], true);
    const before = {
      settings: await getSettings(),
      templates: await listTemplates(),
      progress: await getReviewProgress(),
      history: await exportHistory(),
      links: await exportLinks(),
    };
    const file = throughJson(await collectContents());

    await erase();
    expect(await getLink(order)).toBeNull();
    expect(await listTemplates()).not.toContainEqual(expect.objectContaining({ id: 'my-thanks' }));
    expect(await getReviewProgress()).toEqual({});

    const plan = await planImport(file, true);
    expect(plan.preview.parts).toEqual([
      { part: 'settings', current: 1, incoming: 1, after: 1, action: 'replace', changed: 2 },
      { part: 'links', current: 0, incoming: 2, after: 2, action: 'replace' },
      { part: 'templates', current: 0, incoming: 1, after: 1, action: 'replace' },
      { part: 'reviewProgress', current: 0, incoming: 2, after: 2, action: 'replace' },
      { part: 'history', current: 0, incoming: 2, after: 2, action: 'merge' },
    ]);
    expect(plan.preview.notes).toEqual([]);
    // A preview writes nothing.
    expect(await getLink(order)).toBeNull();
    await plan.apply();

    expect(await getSettings()).toEqual(before.settings);
    expect(await listTemplates()).toEqual(before.templates);
    expect(await getReviewProgress()).toEqual(before.progress);
    expect(await exportHistory()).toEqual(before.history);
    expect(await exportLinks()).toEqual(before.links);
    // The same keys, so each customer is found again (phone-keyed ones too).
    expect(await getLink({ ...order, orderNo: '2' })).toMatchObject({ friendUuid: 'u7' });
    expect(await getLink({ ...order, buyerId: undefined, buyerPhone: '01012345678' })).toMatchObject({
      friendUuid: 'u8',
    });
  });

  it('a 73,000-record backup (730 days at Kakao’s 100 a day) round-trips', { timeout: 120_000 }, async () => {
    const records = Array.from({ length: 73_000 }, (_, i) => record(i));
    // The file as another install made it: its contents with two years of history.
    const file = throughJson({ ...(await collectContents()), history: records });
    const plan = await planImport(file, true);
    expect(plan.preview.parts.find((p) => p.part === 'history')).toMatchObject({ incoming: 73_000, after: 73_000 });
    expect(plan.preview.notes).toEqual([]);
    await plan.apply();
    const back = await exportHistory();
    expect(back).toHaveLength(73_000);
    expect(back).toEqual(records);
  });

  it('counts what it leaves out and why, and merges history without removing what is kept', async () => {
    await importHistory([record(1)], true);
    const file = throughJson(await collectContents()) as Record<string, unknown> & { history: unknown[] };
    file.history = [
      record(1), // already here
      record(2),
      record(2), // twice in the file
      { ...record(3), status: 'pending' },
      { ...record(4), createdAt: 'yesterday' },
      { ...record(5), status: 7 },
      { ...record(6), id: undefined },
    ];
    file.templates = [
      mine,
      { ...mine },
      { id: 'order-confirmed', name: 'x', layout: 'text', body: '', buttons: [] },
      5,
    ];
    const plan = await planImport(file, true);
    expect(plan.preview.notes.map((n) => [n.part, n.code, n.count])).toEqual([
      ['templates', 'invalid', 1],
      ['templates', 'built-in', 1],
      ['templates', 'duplicate', 1],
      ['history', 'invalid', 3],
      ['history', 'duplicate', 1],
      ['history', 'already-kept', 1],
      ['history', 'pending-to-unknown', 1],
    ]);
    expect(plan.preview.notes.find((n) => n.part === 'history' && n.code === 'invalid')?.ko).toBe(
      '기록 3건은 형식이 맞지 않아 가져오지 않았어요 (첫 번째: #5: createdAt).',
    );
    expect(plan.preview.parts.find((p) => p.part === 'history')).toMatchObject({ current: 1, incoming: 3, after: 3 });
    await plan.apply();
    const history = await listHistory();
    expect(history.map((r) => r.id).sort()).toEqual([record(1).id, record(2).id, record(3).id].sort());
    // A record still sending when backed up can only be checked, never resumed.
    expect(history.find((r) => r.id === record(3).id)?.status).toBe('unknown');
  });

  it('imports a release 1 plain backup: its salted links rekeyed and found, templates and progress kept', async () => {
    await saveTemplate(mine);
    const salt = 'd'.repeat(32);
    const v1 = {
      format: 'ordertalk-backup',
      version: 1,
      exportedAt: 1,
      settings: await getSettings(),
      links: {
        format: 'ordertalk-links',
        version: 1,
        salt,
        links: {
          [await saltedHash(salt, 'smartstore:id:minji')]: {
            friendId: 7,
            friendUuid: 'u7',
            nickname: '민지',
            linkedAt: 1,
          },
          bad: { friendUuid: 'x' },
        },
      },
      history: [record(1)],
    };
    const plan = await planImport(v1, false);
    expect(plan.preview.parts.find((p) => p.part === 'templates')).toMatchObject({ action: 'keep', after: 1 });
    expect(plan.preview.notes).toEqual([expect.objectContaining({ part: 'links', code: 'invalid', count: 1 })]);
    await plan.apply();
    expect(await getLink(order)).toMatchObject({ friendUuid: 'u7' });
    expect(await listTemplates()).toContainEqual(expect.objectContaining({ id: 'my-thanks' }));
  });

  it('a write that fails midway puts everything back: nothing is partially applied', async () => {
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '지금상점' } }));
    await setLink(order, { id: 7, uuid: 'u7', nickname: '민지' });
    const file = throughJson(await collectContents()) as { settings: { store: { name: string } }; links: unknown };
    file.settings.store.name = '파일상점';
    // Another install's links: the import would replace ours.
    await erase();
    await setLink({ ...order, buyerId: 'other' }, { id: 8, uuid: 'u8', nickname: '하늘' });
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '지금상점' } }));
    const linksBefore = await exportLinks();
    const plan = await planImport(file, true);
    vi.spyOn(browser.storage.local, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    await expect(plan.apply()).rejects.toMatchObject({
      code: 'import-failed',
      ko: expect.stringContaining('되돌렸어요'),
    });
    expect(await exportLinks()).toEqual(linksBefore);
    expect((await getSettings()).store.name).toBe('지금상점');
    expect(await getLink({ ...order, buyerId: 'other' })).toMatchObject({ friendUuid: 'u8' });
  });

  it('never holds tokens or the client secret', async () => {
    await browser.storage.local.set({ kakaoRefreshToken: 'v1.sealed-refresh', kakaoClientSecret: 'v1.sealed-secret' });
    await browser.storage.session.set({ kakaoAccess: { token: 'access-token-123', expiresAt: 1 } });
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
    const text = JSON.stringify(await collectContents());
    for (const secret of [
      'sealed-refresh',
      'sealed-secret',
      'access-token-123',
      'kakaoRefreshToken',
      'kakaoClientSecret',
    ])
      expect(text).not.toContain(secret);
  });
});
