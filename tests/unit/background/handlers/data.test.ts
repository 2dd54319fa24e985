import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { createDataHandlers } from '@/utils/background/handlers/data';
import { getLink, setLink } from '@/utils/background/storage/links';
import { beginSend, listHistory } from '@/utils/background/storage/history';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { getReviewProgress, markReviewStep } from '@/utils/background/storage/review-progress';
import { listTemplates, saveTemplate } from '@/utils/background/storage/template-store';
import { EnvelopeSchema } from '@/utils/background/backup/envelope';
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
const PASS = '하늘상점 백업 2026';

async function exported(h = createDataHandlers(), passphrase = PASS): Promise<string> {
  const out = await send(h, 'data.export', { passphrase });
  if (!out.ok) throw new Error(JSON.stringify(out));
  return (out.value as { file: string }).file;
}

describe('data export, import and erase', () => {
  beforeEach(() => fakeBrowser.reset());

  it('export → erase → import (preview, then apply) restores everything, from an encrypted file with no secrets', async () => {
    const h = createDataHandlers();
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '하늘상점' } }));
    await setLink(order, { id: 7, uuid: 'uuid-of-minji-7', nickname: '민지' });
    await saveTemplate({ id: 'mine', name: '감사', layout: 'text', body: '고마워요', buttons: [], builtIn: false });
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
    const file = await exported(h);
    // An envelope: PBKDF2-SHA256 (≥ 600,000 iterations, random salt) and AES-GCM (random IV); nothing readable.
    const envelope = EnvelopeSchema.parse(JSON.parse(file));
    expect(envelope.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const again = EnvelopeSchema.parse(JSON.parse(await exported(h)));
    expect(again.kdf.salt).not.toBe(envelope.kdf.salt);
    expect(again.cipher.iv).not.toBe(envelope.cipher.iv);
    // Long enough never to turn up by chance in the base64 ciphertext (a two-letter id once did).
    for (const plain of ['하늘상점', 'uuid-of-minji-7', 'minji', '고마워요', 'sealed', 'kakaoRefreshToken', 'secret'])
      expect(file).not.toContain(plain);

    expect(await send(h, 'data.erase', {})).toEqual({ ok: true, value: { ok: true } });
    expect(await browser.storage.local.get(null)).toEqual({});
    const preview = await send(h, 'data.import', { file, passphrase: PASS, apply: false });
    expect(preview).toMatchObject({ ok: true, value: { applied: false, preview: { encrypted: true } } });
    const parts = (preview as { value: { preview: { parts: { part: string; incoming: number }[] } } }).value.preview
      .parts;
    expect(Object.fromEntries(parts.map((p) => [p.part, p.incoming]))).toEqual({
      settings: 1,
      links: 1,
      templates: 1,
      reviewProgress: 1,
      history: 1,
    });
    expect(await getLink(order)).toBeNull();
    expect(await send(h, 'data.import', { file, passphrase: PASS, apply: true })).toMatchObject({
      ok: true,
      value: { applied: true },
    });
    expect(await getLink(order)).toMatchObject({ friendUuid: 'uuid-of-minji-7' });
    expect((await getSettings()).store.name).toBe('하늘상점');
    expect(await listTemplates()).toContainEqual(expect.objectContaining({ id: 'mine' }));
    expect(await getReviewProgress()).toEqual({ teamMemberAt: 5 });
    // A pending record from a backup can only be checked, never resumed.
    expect((await listHistory())[0]!.status).toBe('unknown');
    expect(await browser.storage.local.get('kakaoRefreshToken')).toEqual({});
  });

  it('a wrong passphrase, a missing one or an edited file: a clear error and nothing changed', async () => {
    const h = createDataHandlers();
    await setLink(order, { id: 7, uuid: 'uuid-of-minji-7', nickname: '민지' });
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '파일상점' } }));
    const file = await exported(h);
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '지금상점' } }));
    expect(await send(h, 'data.import', { file, passphrase: 'wrong passphrase', apply: true })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', ko: expect.stringContaining('암호가 맞지 않아요'), en: expect.any(String) },
    });
    expect(await send(h, 'data.import', { file, apply: true })).toMatchObject({
      ok: false,
      error: { code: 'passphrase-needed' },
    });
    const envelope = JSON.parse(file) as { data: string; kdf: { iterations: number } };
    const flipped = { ...envelope, data: `${envelope.data[0] === 'A' ? 'B' : 'A'}${envelope.data.slice(1)}` };
    expect(
      await send(h, 'data.import', { file: JSON.stringify(flipped), passphrase: PASS, apply: true }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    // A file that asks for a weaker derivation is refused before anything is tried.
    const weak = { ...envelope, kdf: { ...envelope.kdf, iterations: 1000 } };
    expect(await send(h, 'data.import', { file: JSON.stringify(weak), passphrase: PASS, apply: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', ko: expect.stringContaining('kdf.iterations') },
    });
    expect((await getSettings()).store.name).toBe('지금상점');
    expect(await getLink(order)).toMatchObject({ friendUuid: 'uuid-of-minji-7' });
  });

  it('rejects a broken file with a specific bilingual error, and a short passphrase', async () => {
    const h = createDataHandlers();
    expect(await send(h, 'data.import', { file: '{', apply: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid-file', ko: expect.stringContaining('JSON') },
    });
    expect(
      await send(h, 'data.import', { file: '{"format":"ordertalk-backup","version":1}', apply: false }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    expect(await send(h, 'data.export', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('refuses content scripts, and an import without saying whether to apply it', async () => {
    const h = createDataHandlers();
    await updateSettings((s) => ({ ...s, store: { ...s.store, name: '하늘상점' } }));
    expect(await send(h, 'data.export', { passphrase: PASS }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'data.erase', {}, contentSender())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(h, 'data.import', { file: '{}' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect((await getSettings()).store.name).toBe('하늘상점');
  });
});
