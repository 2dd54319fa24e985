import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/utils/background/handlers';
import type { KakaoService } from '@/utils/background/kakao/service';
import { protocol } from '@/utils/shared/protocol';
import { contentSender, fakeSending, send } from './support';

describe('the background’s handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answer every message of the protocol, and nothing outside it', () => {
    const h = createHandlers({ kakao: {} as KakaoService, sending: fakeSending() });
    expect(Object.keys(h).sort()).toEqual(Object.keys(protocol).sort());
  });

  it('answer ping from pages and content scripts alike', async () => {
    const h = createHandlers({ kakao: {} as KakaoService, sending: fakeSending() });
    expect(await send(h, 'ping', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await send(h, 'ping', {}, contentSender())).toEqual({ ok: true, value: { ok: true } });
  });
});
