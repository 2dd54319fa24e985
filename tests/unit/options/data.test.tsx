import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { callsOf, installKorean, scriptBackground, wireError, type Script } from './support';
import { KEY, settings, signedIn } from './fixtures';

vi.mock('@/utils/pages/background-client', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/utils/pages/background-client')>()),
  callBackground: vi.fn(),
}));

function base(patch: Script = {}): Script {
  return {
    'settings.get': settings({ kakao: { restApiKey: KEY } }),
    'auth.state': signedIn(),
    'review.get': {},
    ...patch,
  };
}

async function openData() {
  await fakeBrowser.storage.local.set({ optionsView: 'sections' });
  render(<OptionsApp />);
  return screen.findByTestId('options-section-data');
}

function captureDownloads() {
  const files: { name: string; blob: Blob }[] = [];
  let last: Blob | undefined;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((last = b as Blob), 'blob:x'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    files.push({ name: this.download, blob: last! });
  });
  return files;
}

beforeEach(() => {
  fakeBrowser.reset();
  installKorean();
});
afterEach(cleanup);

describe('options: data', () => {
  it('exports everything as a JSON download', async () => {
    scriptBackground(base({ 'data.export': { json: '{"version":1}' } }));
    const files = captureDownloads();
    await openData();
    fireEvent.click(screen.getByTestId('data-export'));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toMatch(/^ordertalk-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await files[0]!.blob.text()).toBe('{"version":1}');
    expect(screen.getByTestId('data-status').textContent).toContain('내보낸 파일을 저장했어요');
  });

  it('previews an import, then applies it', async () => {
    scriptBackground(
      base({
        'data.import': ({ apply }) => ({ summary: apply ? { links: 3, history: 10 } : { links: 3, history: 10 } }),
      }),
    );
    await openData();
    const file = new File(['{"links":[]}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [file] } });
    const summary = await screen.findByTestId('data-import-summary');
    expect(summary.textContent).toContain('links: 3');
    expect(summary.textContent).toContain('history: 10');
    expect(callsOf('data.import')).toEqual([{ json: '{"links":[]}', apply: false }]);
    fireEvent.click(screen.getByTestId('data-import-apply'));
    await waitFor(() => expect(screen.getByTestId('data-status').textContent).toBe('가져왔어요 (13건).'));
    expect(callsOf('data.import')).toEqual([
      { json: '{"links":[]}', apply: false },
      { json: '{"links":[]}', apply: true },
    ]);
    expect(screen.queryByTestId('data-import-summary')).toBeNull();
  });

  it('shows why an import was refused', async () => {
    scriptBackground(base({ 'data.import': wireError('bad-import', '주문톡에서 내보낸 파일이 아니에요.') }));
    await openData();
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [new File(['x'], 'x.json')] } });
    await waitFor(() =>
      expect(screen.getByTestId('data-status').textContent).toBe('주문톡에서 내보낸 파일이 아니에요.'),
    );
    expect(screen.queryByTestId('data-import-apply')).toBeNull();
  });

  it("erases everything only after a confirm, including the page's view preference", async () => {
    scriptBackground(base({ 'data.erase': { ok: true } }));
    await fakeBrowser.storage.local.set({ optionsView: 'sections' });
    await openData();
    fireEvent.click(screen.getByTestId('data-erase'));
    expect(callsOf('data.erase')).toHaveLength(0);
    fireEvent.click(await screen.findByTestId('data-erase-cancel'));
    fireEvent.click(await screen.findByTestId('data-erase'));
    fireEvent.click(await screen.findByTestId('data-erase-confirm'));
    await waitFor(() => expect(screen.getByTestId('data-status').textContent).toBe('모두 지웠어요.'));
    expect(callsOf('data.erase')).toEqual([{}]);
    expect(await fakeBrowser.storage.local.get(['optionsView'])).toEqual({});
  });
});
