import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { dispatch, callerOf } from '@/utils/background/server';

const order = {
  store: 'smartstore',
  orderNo: '2026112498765401',
  productOrderNo: '2026112412345601',
  buyerName: '김하늘',
  productName: '유기농 현미 5kg',
};

describe('background message dispatch', () => {
  beforeEach(() => fakeBrowser.reset());
  const ext = () => browser.runtime.getURL('/');
  const pageSender = () => ({ id: browser.runtime.id, url: `${ext()}options.html` });
  const contentSender = () => ({
    id: browser.runtime.id,
    url: 'https://sell.smartstore.naver.com/o/v3/manage/order',
    tab: { id: 1 } as never,
  });

  it('tells extension pages from content scripts and refuses other extensions', () => {
    expect(callerOf(pageSender())).toBe('page');
    expect(callerOf(contentSender())).toBe('content');
    expect(callerOf({ id: 'someone-else', url: `${ext()}x.html` })).toBeNull();
  });

  it('runs a handler with validated input and returns validated output', async () => {
    const handler = vi.fn(async () => ({ ok: true as const }));
    const reply = await dispatch(
      { 'compose.open': handler },
      { type: 'compose.open', input: { orders: [order] } },
      contentSender(),
    );
    expect(reply).toEqual({ ok: true, value: { ok: true } });
    expect(handler).toHaveBeenCalledWith({ orders: [order] }, expect.objectContaining({ caller: 'content' }));
  });

  it('rejects malformed input before the handler runs, with Korean and English text', async () => {
    const handler = vi.fn(async () => ({ ok: true as const }));
    const reply = await dispatch(
      { 'compose.open': handler },
      { type: 'compose.open', input: { orders: [{ ...order, productOrderNo: '' }] } },
      pageSender(),
    );
    expect(reply.ok).toBe(false);
    expect(handler).not.toHaveBeenCalled();
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid-input');
      expect(reply.error.ko).toMatch(/올바르지/);
    }
  });

  it('rejects unknown types and foreign senders', async () => {
    const ping = vi.fn(async () => ({ ok: true as const }));
    expect(await dispatch({ ping }, { type: 'kakao.send', input: {} }, pageSender())).toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
    expect(await dispatch({ ping }, { type: 'ping', input: {} }, { id: 'evil' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dispatch({ ping }, 'ping', pageSender())).toMatchObject({
      ok: false,
      error: { code: 'unknown-message' },
    });
    expect(ping).not.toHaveBeenCalled();
  });

  it('refuses inherited property names as message types instead of throwing', async () => {
    const ping = vi.fn(async () => ({ ok: true as const }));
    for (const type of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf']) {
      const reply = await dispatch({ ping }, { type, input: {} }, pageSender());
      expect(reply, type).toMatchObject({
        ok: false,
        error: { code: 'unknown-message', ko: '알 수 없는 요청이에요.' },
      });
    }
    expect(ping).not.toHaveBeenCalled();
  });

  it('turns a thrown bilingual error into wire data', async () => {
    const reply = await dispatch(
      {
        ping: async () => {
          throw Object.assign(new Error('x'), { code: '-530', ko: '수신 거부', en: 'refuses' });
        },
      },
      { type: 'ping', input: {} },
      pageSender(),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: '-530', ko: '수신 거부', en: 'refuses' } });
  });
});
