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
    const settings = { ...(await getSettings()), store: { ...(await getSettings()).store, name: '하늘상점' } };
    const saved = await send(h, 'settings.save', { settings });
    expect(saved).toMatchObject({ ok: true, value: { store: { name: '하늘상점' } } });
    expect(await send(h, 'settings.get', {})).toMatchObject({ ok: true, value: { store: { name: '하늘상점' } } });
  });

  it('applies a shorter history retention as soon as it is saved', async () => {
    const h = createSettingsHandlers(kakaoWith().kakao);
    await sentRecord('11', { createdAt: Date.now() - 40 * 24 * 3600_000 });
    await sentRecord('12');
    expect(await listHistory()).toHaveLength(2);
    await send(h, 'settings.save', { settings: { ...(await getSettings()), historyRetentionDays: 30 } });
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
    const bad = await send(h, 'settings.save', { settings: { historyRetentionDays: 'forever' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect((await getSettings()).store.name).toBe('');
  });
});
