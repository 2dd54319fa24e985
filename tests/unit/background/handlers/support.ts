import { browser } from 'wxt/browser';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startEmulator, type Emulator } from '../../../kakao-emulator/client';
import { emulatorAuthFlow, emulatorFetch } from '../../kakao/emulator-fetch';
import { dispatch, type Handlers } from '@/utils/background/server';
import { createKakaoService, type KakaoService } from '@/utils/background/kakao/service';
import { createTokenStore } from '@/utils/background/kakao/token-store';
import type { Input, MessageType } from '@/utils/shared/protocol';
import type { Order } from '@/utils/shared/order';
import type { SendService } from '@/utils/background/sending/send-service';
import { beginSend, completeSend } from '@/utils/background/storage/history';

// Handlers are called the way the background's listener calls them: through dispatch, with a sender.

export const pageSender = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/options.html') });
export const contentSender = () => ({
  id: browser.runtime.id,
  url: 'https://sell.smartstore.naver.com/o/v3/manage/order',
  tab: { id: 1 } as never,
});

/** Sends one message through dispatch, as an extension page unless told otherwise. */
export function send<T extends MessageType>(
  handlers: Handlers,
  type: T,
  input: Input<T> | Record<string, unknown>,
  sender: ReturnType<typeof pageSender> | ReturnType<typeof contentSender> = pageSender(),
) {
  return dispatch(handlers, { type, input }, sender);
}

export const order: Order = {
  store: 'smartstore',
  orderNo: '2026112498765401',
  productOrderNo: '2026112412345601',
  buyerName: '김하늘',
  buyerId: 'haneul',
  productName: '유기농 현미 5kg',
};

export const REST_KEY = '0123456789abcdef0123456789abcdef';

/** The Kakao service the background runs, against the in-process Kakao emulator. */
export async function emulatedKakao(emu: Emulator): Promise<KakaoService> {
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  return createKakaoService({
    fetch: emulatorFetch(emu),
    getRestApiKey: async () => REST_KEY,
    launchWebAuthFlow: emulatorAuthFlow(emu),
    redirectUri: () => 'https://client.example.test/callback',
    store: createTokenStore(async () => key),
    sleep: async () => undefined,
  });
}

/** A finished send in the history, made the way a real send makes it. */
export async function sentRecord(
  productOrderNo: string,
  opts: { createdAt?: number; status?: 'sent' | 'failed'; nickname?: string } = {},
) {
  const begun = await beginSend(
    {
      store: 'smartstore',
      orderNo: `O-${productOrderNo}`,
      productOrderNo,
      recipientNickname: opts.nickname ?? '민지',
      templateId: 'order-confirmed',
      templateName: '주문 확인',
    },
    { allowRepeat: false, now: opts.createdAt },
  );
  if (!begun.ok) throw new Error(begun.reason);
  await completeSend(
    begun.record.id,
    opts.status === 'failed'
      ? { status: 'failed', error: { code: '-530', ko: '수신 거부', en: 'refuses' } }
      : { status: 'sent' },
  );
  return begun.record;
}

/** A SendService whose answers the test chooses; the handlers' own work is what is under test. */
export function fakeSending(patch: Partial<Record<keyof SendService, unknown>> = {}): SendService {
  const unexpected = (name: string) => () => {
    throw new Error(`unexpected call: ${name}`);
  };
  return {
    orderStatus: unexpected('orderStatus'),
    prepare: unexpected('prepare'),
    send: unexpected('send'),
    cancel: unexpected('cancel'),
    progress: unexpected('progress'),
    suggest: unexpected('suggest'),
    link: unexpected('link'),
    unlink: unexpected('unlink'),
    // AlimTalk off unless a test says otherwise: compose then shows friend messages only.
    alimtalkView: async () => ({ enabled: false }),
    ...patch,
  } as unknown as SendService;
}

/** The in-process Kakao emulator for a test file: started once, reset (and auto-approving consent) per test. */
export function useEmulatorWorld(): { readonly emu: Emulator } {
  const world = {} as { emu: Emulator };
  beforeAll(async () => {
    world.emu = await startEmulator({ scenario: 'basic' });
  });
  afterAll(() => world.emu.close());
  beforeEach(async () => {
    fakeBrowser.reset();
    await world.emu.control.reset();
    await world.emu.control.autoApprove(1);
  });
  return world;
}
