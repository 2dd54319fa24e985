import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsApp } from '@/components/options/OptionsApp';
import { callsOf, installKorean, scriptBackground, wireError, type Script } from './support';
import { KEY, settings, signedIn } from './fixtures';
import type { BackupPreview } from '@/utils/shared/backup';

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
  it('exports only with a passphrase typed twice (8+ characters), as a file download', async () => {
    scriptBackground(base({ 'data.export': { file: '{"version":2}' } }));
    const files = captureDownloads();
    await openData();
    const button = screen.getByTestId('data-export') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('data-export-passphrase'), { target: { value: 'short' } });
    expect(screen.getByTestId('data-export-problem').textContent).toBe('암호는 8자 이상이어야 해요.');
    fireEvent.input(screen.getByTestId('data-export-passphrase'), { target: { value: '하늘상점 백업 암호' } });
    fireEvent.input(screen.getByTestId('data-export-passphrase2'), { target: { value: '하늘상점 백업' } });
    expect(screen.getByTestId('data-export-problem').textContent).toBe('두 암호가 같지 않아요.');
    expect(button.disabled).toBe(true);
    fireEvent.input(screen.getByTestId('data-export-passphrase2'), { target: { value: '하늘상점 백업 암호' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(files).toHaveLength(1));
    expect(callsOf('data.export')).toEqual([{ passphrase: '하늘상점 백업 암호' }]);
    expect(files[0]!.name).toMatch(/^ordertalk-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await files[0]!.blob.text()).toBe('{"version":2}');
    expect(screen.getByTestId('data-status').textContent).toContain('백업 파일을 저장했어요');
  });

  it('previews what an import replaces, part by part, with what it leaves out and why; applies only on confirm', async () => {
    const preview: BackupPreview = {
      exportedAt: null,
      encrypted: true,
      parts: [
        { part: 'settings', current: 1, incoming: 1, after: 1, action: 'replace', changed: 2 },
        { part: 'links', current: 4, incoming: 3, after: 3, action: 'replace' },
        { part: 'templates', current: 0, incoming: 2, after: 2, action: 'replace' },
        { part: 'reviewProgress', current: 1, incoming: 3, after: 3, action: 'replace' },
        { part: 'history', current: 5, incoming: 10, after: 12, action: 'merge' },
      ],
      notes: [
        {
          part: 'history',
          code: 'invalid',
          count: 3,
          ko: '기록 3건은 형식이 맞지 않아 가져오지 않았어요 (첫 번째: #5: createdAt).',
          en: '3 history records were not imported.',
        },
      ],
    };
    scriptBackground(base({ 'data.import': ({ apply }) => ({ preview, applied: apply }) }));
    await openData();
    const file = new File(['{"version":2}'], 'backup.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [file] } });
    await screen.findByText('고른 파일: backup.json');
    fireEvent.input(screen.getByTestId('data-import-passphrase'), { target: { value: '하늘상점 백업 암호' } });
    fireEvent.click(screen.getByTestId('data-import-check'));
    const summary = await screen.findByTestId('data-import-summary');
    const row = (part: string) =>
      [...summary.querySelectorAll(`tr[data-part="${part}"] > *`)].map((c) => c.textContent);
    expect(row('links')).toEqual(['고객 연결', '4', '3', '3', '파일의 것으로 바뀌어요']);
    expect(row('history')).toEqual(['보낸 기록', '5', '10', '12', '지금 기록에 더해져요']);
    expect(row('settings')).toEqual(['설정', '지금과 다른 항목 2개', '파일의 것으로 바뀌어요']);
    expect(summary.textContent).toContain('기록 3건은 형식이 맞지 않아 가져오지 않았어요');
    expect(callsOf('data.import')).toEqual([{ file: '{"version":2}', passphrase: '하늘상점 백업 암호', apply: false }]);
    fireEvent.click(screen.getByTestId('data-import-apply'));
    await waitFor(() => expect(screen.getByTestId('data-status').textContent).toBe('가져왔어요.'));
    expect(callsOf('data.import')).toHaveLength(2);
    expect(callsOf('data.import')[1]).toMatchObject({ apply: true, passphrase: '하늘상점 백업 암호' });
    expect(screen.queryByTestId('data-import-summary')).toBeNull();
    expect(screen.getByTestId('data-import-result').textContent).toContain('기록 3건은');
  });

  it('shows why an import was refused (a wrong passphrase), with nothing to apply', async () => {
    scriptBackground(
      base({
        'data.import': wireError(
          'wrong-passphrase',
          '암호가 맞지 않아요(또는 파일이 손상됐어요). 아무것도 바뀌지 않았어요.',
        ),
      }),
    );
    await openData();
    fireEvent.change(screen.getByTestId('data-import-file'), { target: { files: [new File(['x'], 'x.json')] } });
    await screen.findByText('고른 파일: x.json');
    fireEvent.click(screen.getByTestId('data-import-check'));
    await waitFor(() => expect(screen.getByTestId('data-status').textContent).toContain('암호가 맞지 않아요'));
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
