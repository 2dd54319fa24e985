import { describe, expect, it, vi } from 'vitest';
import { createSendHandlers } from '@/utils/background/handlers/send';
import { createComposeSession } from '@/utils/background/compose-window';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { getReviewProgress } from '@/utils/background/storage/review-progress';
import type { KakaoService } from '@/utils/background/kakao/service';
import type { Order } from '@/utils/shared/order';
import { contentSender, emulatedKakao, fakeSending, order, send, useEmulatorWorld } from './support';

const other: Order = { ...order, productOrderNo: '2026112412345602', buyerName: '박바다' };
const noKakao = {} as KakaoService;

const world = useEmulatorWorld();

describe('send handlers', () => {
  it('refuses the first send until the operator acknowledged the notice, then sends the chosen orders', async () => {
    const results = [{ productOrderNo: other.productOrderNo, status: 'sent' as const, recordId: 'r1' }];
    const sendOrders = vi.fn(async () => results);
    const h = createSendHandlers(fakeSending({ send: sendOrders }), noKakao);
    const sessionId = await createComposeSession([order, other]);
    const input = {
      sessionId,
      templateId: 'order-confirmed',
      productOrderNos: [other.productOrderNo],
      requestId: crypto.randomUUID(),
    };
    expect(await send(h, 'send.orders', input)).toMatchObject({ ok: false, error: { code: 'not-acknowledged' } });
    expect(sendOrders).not.toHaveBeenCalled();

    expect(await send(h, 'send.acknowledge', {})).toEqual({ ok: true, value: { ok: true } });
    const at = (await getSettings()).sendAcknowledgedAt;
    expect(at).toEqual(expect.any(Number));
    await send(h, 'send.acknowledge', {});
    expect((await getSettings()).sendAcknowledgedAt).toBe(at); // the first acknowledgement is the one kept

    expect(await send(h, 'send.orders', input)).toEqual({ ok: true, value: { results } });
    expect(sendOrders).toHaveBeenCalledWith({
      sessionId,
      orders: [other],
      templateId: 'order-confirmed',
      freeText: undefined,
      confirmRepeatFor: [],
      requestId: input.requestId,
    });
  });

  it('sends nothing for a window that expired', async () => {
    await updateSettings((s) => ({ ...s, sendAcknowledgedAt: 1 }));
    const sendOrders = vi.fn();
    const h = createSendHandlers(fakeSending({ send: sendOrders }), noKakao);
    const reply = await send(h, 'send.orders', {
      sessionId: crypto.randomUUID(),
      templateId: 't',
      productOrderNos: [order.productOrderNo],
      requestId: crypto.randomUUID(),
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'no-session' } });
    expect(sendOrders).not.toHaveBeenCalled();
  });

  it('reports progress and cancels a running send', async () => {
    const cancel = vi.fn();
    const progress = vi.fn(() => ({ total: 3, done: 1, results: [], cancelled: false }));
    const h = createSendHandlers(fakeSending({ cancel, progress }), noKakao);
    const sessionId = crypto.randomUUID();
    expect(await send(h, 'send.progress', { sessionId })).toEqual({
      ok: true,
      value: { total: 3, done: 1, results: [] },
    });
    expect(await send(h, 'send.cancel', { sessionId })).toEqual({ ok: true, value: { ok: true } });
    expect(cancel).toHaveBeenCalledWith(sessionId);
  });

  it('answers a send this worker never ran (it restarted midway) from the history of the session’s orders', async () => {
    const requestId = crypto.randomUUID();
    const fromHistory = [{ productOrderNo: order.productOrderNo, status: 'unknown' as const, recordId: 'r1' }];
    const outcomesFromHistory = vi.fn(async () => fromHistory);
    const progress = vi.fn(() => ({ requestId: '', total: 0, done: 0, results: [], cancelled: false }));
    const h = createSendHandlers(fakeSending({ progress, outcomesFromHistory }), noKakao);
    const sessionId = await createComposeSession([order]);
    expect(await send(h, 'send.progress', { sessionId, requestId })).toEqual({
      ok: true,
      value: { total: 1, done: 1, results: fromHistory, interrupted: true },
    });
    expect(outcomesFromHistory).toHaveBeenCalledWith([order], requestId);
    // The send still running in this worker answers from its progress.
    progress.mockReturnValue({ requestId, total: 2, done: 1, results: [], cancelled: false });
    expect(await send(h, 'send.progress', { sessionId, requestId })).toEqual({
      ok: true,
      value: { total: 2, done: 1, results: [] },
    });
  });

  it('sends the operator a test message and records that step of the review', async () => {
    await updateSettings((s) => ({
      ...s,
      store: { ...s.store, name: '하늘상점', url: 'https://smartstore.naver.com/sky' },
    }));
    const kakao = await emulatedKakao(world.emu);
    await kakao.signIn();
    const h = createSendHandlers(fakeSending(), kakao);
    expect(await send(h, 'send.toMe', {})).toEqual({ ok: true, value: { ok: true } });
    const [memo] = await world.emu.control.deliveries();
    expect(memo).toMatchObject({ kind: 'memo', templateObject: { object_type: 'text' } });
    expect(JSON.stringify(memo!.templateObject)).toContain('하늘상점');
    expect((await getReviewProgress()).sendToMeAt).toEqual(expect.any(Number));
  });

  it('does not record the test step when the test message fails', async () => {
    const h = createSendHandlers(fakeSending(), await emulatedKakao(world.emu));
    expect(await send(h, 'send.toMe', {})).toMatchObject({ ok: false, error: { code: 'signed-out' } });
    expect(await getReviewProgress()).toEqual({});
  });

  it('refuses content scripts, and a send without the ids that make it safe to repeat', async () => {
    await updateSettings((s) => ({ ...s, sendAcknowledgedAt: 1 }));
    const sendOrders = vi.fn();
    const h = createSendHandlers(fakeSending({ send: sendOrders }), noKakao);
    const sessionId = await createComposeSession([order]);
    const input = {
      sessionId,
      templateId: 't',
      productOrderNos: [order.productOrderNo],
      requestId: crypto.randomUUID(),
    };
    for (const type of ['send.orders', 'send.toMe', 'send.acknowledge'] as const) {
      expect(await send(h, type, input, contentSender())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await send(h, 'send.orders', { ...input, requestId: undefined })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await send(h, 'send.orders', { ...input, productOrderNos: [] })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(sendOrders).not.toHaveBeenCalled();
    expect((await getSettings()).sendAcknowledgedAt).toBe(1);
  });
});
