import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createComposeHandlers, friendTag } from '@/utils/background/handlers/compose';
import { createComposeSession, getComposeSession } from '@/utils/background/compose-window';
import { updateSettings } from '@/utils/background/storage/settings-store';
import type { KakaoService } from '@/utils/background/kakao/service';
import type { ComposeItem } from '@/utils/shared/wire';
import { contentSender, fakeSending, order, send } from './support';

const kakao = {
  quotaLeft: async () => ({ day: '2026-11-30', senderLeft: 42 }),
  authState: async () => ({
    configured: true,
    signedIn: true,
    nickname: '하늘상점 사장님',
    pictureUrl: 'https://k.kakaocdn.net/me.jpg',
    kakaoUserId: 1,
    grantedScopes: ['profile_nickname', 'friends', 'talk_message'],
    missingScopes: [],
    hasClientSecret: false,
  }),
  friends: async () => ({
    friends: [
      { id: 11, uuid: 'u-11', profile_nickname: '김민지', favorite: true },
      { id: 12, uuid: 'u-12', profile_nickname: '김민지' },
      { id: 13, uuid: 'u-13', profile_nickname: '박바다' },
    ],
    totalCount: 3,
    fetchedAt: 1,
  }),
} as unknown as KakaoService;

const item: ComposeItem = {
  order,
  missingVariables: [],
  problems: [],
  checks: [{ check: 'linked', ok: true, severity: 'block', ko: '연결됨', en: 'Linked' }],
  canSend: true,
  needsReconfirm: false,
};

describe('compose and order-status handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens a compose window for a content script’s orders, remembering them under the window’s id', async () => {
    const create = vi.spyOn(browser.windows, 'create').mockResolvedValue({} as never);
    const h = createComposeHandlers(fakeSending(), kakao);
    expect(await send(h, 'compose.open', { orders: [order] }, contentSender())).toEqual({
      ok: true,
      value: { ok: true },
    });
    const url = String(create.mock.calls[0]![0]!.url);
    expect(url).toMatch(/\/compose\.html#/);
    expect(await getComposeSession(url.split('#')[1]!)).toMatchObject({ orders: [order] });
  });

  it('refuses to open a window for no orders', async () => {
    const create = vi.spyOn(browser.windows, 'create').mockResolvedValue({} as never);
    const h = createComposeHandlers(fakeSending(), kakao);
    expect(await send(h, 'compose.open', { orders: [] }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(create).not.toHaveBeenCalled();
  });

  it('answers the window with its orders, the template list and whether sending was acknowledged', async () => {
    const h = createComposeHandlers(fakeSending(), kakao);
    const sessionId = await createComposeSession([order]);
    const first = await send(h, 'compose.session', { sessionId });
    expect(first).toMatchObject({ ok: true, value: { orders: [order], acknowledged: false } });
    const templates = first.ok ? (first.value as { templates: { id: string; builtIn: boolean }[] }).templates : [];
    expect(templates.some((t) => t.id === 'order-confirmed' && t.builtIn)).toBe(true);
    // A summary only: the bodies stay in the background until a preview is asked for.
    expect(templates[0]).not.toHaveProperty('body');
    await updateSettings((s) => ({ ...s, sendAcknowledgedAt: 1 }));
    expect(await send(h, 'compose.session', { sessionId })).toMatchObject({ ok: true, value: { acknowledged: true } });
  });

  it('says an expired or unknown window has expired', async () => {
    const h = createComposeHandlers(fakeSending(), kakao);
    expect(await send(h, 'compose.session', { sessionId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'no-session', ko: expect.stringContaining('만료') },
    });
  });

  it('prepares the session’s orders with the chosen template and adds today’s quota', async () => {
    const prepare = vi.fn(async () => [{ item }]);
    const h = createComposeHandlers(fakeSending({ prepare }), kakao);
    const sessionId = await createComposeSession([order]);
    const reply = await send(h, 'compose.prepare', { sessionId, templateId: 'order-confirmed' });
    expect(reply).toEqual({
      ok: true,
      value: {
        items: [item],
        quota: { day: '2026-11-30', senderLeft: 42, senderLimit: 100 },
        // The sender as the customer sees them: the operator's KakaoTalk name and picture, nothing more.
        sender: { nickname: '하늘상점 사장님', pictureUrl: 'https://k.kakaocdn.net/me.jpg' },
        auth: { configured: true, signedIn: true, missingScopes: [] },
        store: { name: '', url: '' },
        alimtalk: { enabled: false },
      },
    });
    expect(prepare).toHaveBeenCalledWith([order], 'order-confirmed', undefined);
  });

  it('suggests friends with their likeness and a stable tag that tells same-nickname friends apart', async () => {
    const h = createComposeHandlers(fakeSending(), kakao);
    const reply = await send(h, 'compose.suggest', { order: { ...order, buyerName: '김민지' } });
    const value = (
      reply as { ok: true; value: { friends: { uuid: string; tag: string; score: number }[]; noMatch: boolean } }
    ).value;
    expect(value.noMatch).toBe(false);
    expect(value.friends.map((f) => f.score)).toEqual([1, 1, 0]);
    const [a, b] = value.friends;
    expect(a!.tag).toMatch(/^#[0-9A-Z]{4}$/);
    expect(a!.tag).not.toBe(b!.tag);
    expect(friendTag({ id: 11, uuid: 'changed' })).toBe(friendTag({ id: 11, uuid: 'u-11' }));
    // Nobody alike: the window says so above the list.
    const none = await send(h, 'compose.suggest', { order: { ...order, buyerName: '최들판', receiverName: '최들판' } });
    expect(none).toMatchObject({ ok: true, value: { noMatch: true } });
  });

  it('lists each order’s status for the row badges, to content scripts too', async () => {
    const orderStatus = vi.fn(async () => ({
      [order.productOrderNo]: {
        state: 'needs-link',
        uuid: 'u1',
      },
    }));
    const h = createComposeHandlers(fakeSending({ orderStatus }), kakao);
    expect(await send(h, 'order.status', { orders: [order] }, contentSender())).toEqual({
      ok: true,
      // Only the schema's fields reach the store page: no friend uuid.
      value: {
        statuses: [
          {
            productOrderNo: order.productOrderNo,
            state: 'needs-link',
          },
        ],
      },
    });
  });

  it('refuses the compose window’s messages from content scripts, and session ids that are not ids', async () => {
    const prepare = vi.fn();
    const h = createComposeHandlers(fakeSending({ prepare }), kakao);
    const sessionId = await createComposeSession([order]);
    expect(await send(h, 'compose.prepare', { sessionId, templateId: 't' }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'compose.session', { sessionId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(prepare).not.toHaveBeenCalled();
  });
});
