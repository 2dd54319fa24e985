import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createSettingsHandlers } from '@/utils/background/handlers/settings';
import type { KakaoService } from '@/utils/background/kakao/service';
import { getSettings } from '@/utils/background/storage/settings-store';
import { listHistory } from '@/utils/background/storage/history';
import { contentSender, send, sentRecord } from './support';

function kakaoWith(setClientSecret = vi.fn(async () => undefined)) {
  return { kakao: { setClientSecret } as unknown as KakaoService, setClientSecret };
}

describe('settings handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves settings and answers with what was stored', async () => {
    const h = createSettingsHandlers(kakaoWith().kakao);
    const before = await send(h, 'settings.get', {});
    expect(before.ok).toBe(true);
    const saved = await send(h, 'settings.save', { patch: { store: { name: '하늘상점' } } });
    expect(saved).toMatchObject({ ok: true, value: { store: { name: '하늘상점' } } });
    expect(await send(h, 'settings.get', {})).toMatchObject({ ok: true, value: { store: { name: '하늘상점' } } });
  });

  it('applies each save onto what is stored, so two screens saving at once keep both changes', async () => {
    const h = createSettingsHandlers(kakaoWith().kakao);
    const admin = (name: string, urlPattern: string) => ({
      name,
      urlPattern,
      rowSelector: 'tr',
      fields: { orderNo: { header: '주문번호' }, buyerName: { header: '주문자' }, productName: { header: '상품' } },
    });
    // Options saves the store while the history page saves the retention and a custom admin is added.
    await Promise.all([
      send(h, 'settings.save', { patch: { store: { name: '하늘상점', admins: { cafe24: false } } } }),
      send(h, 'settings.save', { patch: { historyRetentionDays: 90 } }),
      send(h, 'settings.save', { patch: { customAdmin: { upsert: admin('A', 'https://a.shop.com/orders*') } } }),
      send(h, 'settings.save', { patch: { customAdmin: { upsert: admin('B', 'https://b.shop.com/orders*') } } }),
    ]);
    const s = await getSettings();
    expect(s.store).toMatchObject({ name: '하늘상점', admins: { cafe24: false, smartstore: true, godomall: true } });
    expect(s.historyRetentionDays).toBe(90);
    expect(s.customAdmins.map((a) => a.name).sort()).toEqual(['A', 'B']);
    await send(h, 'settings.save', { patch: { customAdmin: { remove: 'A' } } });
    expect((await getSettings()).customAdmins.map((a) => a.name)).toEqual(['B']);
  });

  it('refuses a custom-admin pattern the browser would refuse, saying why, and keeps the rest', async () => {
    const h = createSettingsHandlers(kakaoWith().kakao);
    const base = {
      rowSelector: 'tr',
      fields: { orderNo: { header: '주문번호' }, buyerName: { header: '주문자' }, productName: { header: '상품' } },
    };
    for (const [urlPattern, why] of [
      ['https://x@admin.shop.com/*', /사용자 이름/],
      ['https://admin.shop.com:8443/*', /포트/],
      ['http://admin.shop.com/*', /https/],
      ['https://admin.shop.com', /경로/],
      ['https://admin..shop.com/*', /도메인/],
    ] as const) {
      const reply = await send(h, 'settings.save', {
        patch: { customAdmin: { upsert: { name: 'X', urlPattern, ...base } } },
      });
      expect(reply, urlPattern).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      if (!reply.ok) expect(reply.error.ko, urlPattern).toMatch(why);
    }
    expect((await getSettings()).customAdmins).toEqual([]);
  });

  it('applies a shorter history retention as soon as it is saved', async () => {
    const h = createSettingsHandlers(kakaoWith().kakao);
    await sentRecord('11', { createdAt: Date.now() - 40 * 24 * 3600_000 });
    await sentRecord('12');
    expect(await listHistory()).toHaveLength(2);
    await send(h, 'settings.save', { patch: { historyRetentionDays: 30 } });
    expect((await listHistory()).map((r) => r.productOrderNo)).toEqual(['12']);
  });

  it('passes the client secret to the Kakao service and answers ok; a null clears it', async () => {
    const { kakao, setClientSecret } = kakaoWith();
    const h = createSettingsHandlers(kakao);
    expect(await send(h, 'settings.setClientSecret', { secret: 's3cret' })).toEqual({ ok: true, value: { ok: true } });
    expect(await send(h, 'settings.setClientSecret', { secret: null })).toEqual({ ok: true, value: { ok: true } });
    expect(setClientSecret.mock.calls).toEqual([['s3cret'], [null]]);
  });

  it('refuses content scripts and settings that fail the schema, touching nothing', async () => {
    const { kakao, setClientSecret } = kakaoWith();
    const h = createSettingsHandlers(kakao);
    expect(await send(h, 'settings.get', {}, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'settings.setClientSecret', { secret: 'x' }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(setClientSecret).not.toHaveBeenCalled();
    const bad = await send(h, 'settings.save', { patch: { historyRetentionDays: 'forever' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await getSettings()).store.name).toBe('');
  });
});
