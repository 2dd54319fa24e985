import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { launchExtension, type ExtensionBrowser } from '../support/chromium';

// The extension API as the page scripts below use it (they run in the options page, not in Node).
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { set(items: object): Promise<void> } };
};

// The options Data section in the production Chrome build: an encrypted export, erase, then the import's
// preview and apply, with the background's real WebCrypto, CompressionStream and IndexedDB.
describe('backup in Chromium (options → Data)', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('export (passphrase) → erase → import (preview, wrong passphrase refused, apply) restores the settings', async () => {
    const page = await ext.context.newPage();
    await page.goto(ext.extensionUrl('options.html'));
    const call = (type: string, input: unknown) =>
      page.evaluate(([t, i]) => chrome.runtime.sendMessage({ type: t, input: i }), [type, input] as const);
    const saved = (await call('settings.save', { patch: { store: { name: '하늘상점' } } })) as { ok: boolean };
    expect(saved.ok).toBe(true);
    await page.evaluate(() => chrome.storage.local.set({ optionsView: 'sections' }));
    await page.reload();

    const pass = '하늘상점 백업 암호';
    await page.getByTestId('data-export-passphrase').fill(pass);
    await page.getByTestId('data-export-passphrase2').fill(pass);
    const download = page.waitForEvent('download');
    await page.getByTestId('data-export').click();
    const file = readFileSync((await (await download).path())!, 'utf8');
    expect(JSON.parse(file)).toMatchObject({ format: 'ordertalk-backup', version: 2, kdf: { iterations: 600_000 } });
    expect(file).not.toContain('하늘상점');

    await page.getByTestId('data-erase').click();
    await page.getByTestId('data-erase-confirm').click();
    await expect.poll(() => page.getByTestId('data-status').textContent()).toBe('모두 지웠어요.');
    await page.evaluate(() => chrome.storage.local.set({ optionsView: 'sections' }));
    await page.reload();

    const choose = async () => {
      await page.getByTestId('data-import-file').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(file),
      });
      await page.getByText('고른 파일: backup.json').waitFor();
    };
    await choose();
    await page.getByTestId('data-import-passphrase').fill('틀린 암호입니다');
    await page.getByTestId('data-import-check').click();
    await expect.poll(() => page.getByTestId('data-status').textContent()).toContain('암호가 맞지 않아요');
    expect(await page.getByTestId('data-import-apply').count()).toBe(0);

    await page.getByTestId('data-import-passphrase').fill(pass);
    await page.getByTestId('data-import-check').click();
    const settingsRow = page.locator('[data-testid="data-import-summary"] tr[data-part="settings"]');
    await expect.poll(() => settingsRow.textContent()).toContain('지금과 다른 항목 1개');
    await page.getByTestId('data-import-apply').click();
    await expect.poll(() => page.getByTestId('data-status').textContent()).toBe('가져왔어요.');
    const back = (await call('settings.get', {})) as { value: { store: { name: string } } };
    expect(back.value.store.name).toBe('하늘상점');
    await page.close();
  });
});
