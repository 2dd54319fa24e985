import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, screenshotPath, type ExtensionBrowser } from '../support/chromium';
import { startEmulator, type Emulator } from '../kakao-emulator/client';
import { approveInAuthWindow } from '../support/kakao-browser';

// A new operator, fresh install, through the wizard to a first delivered test message.
describe('onboarding wizard on the real Chrome build (emulated Kakao)', () => {
  let emu: Emulator;
  let ext: ExtensionBrowser;
  let options: Page;

  beforeAll(async () => {
    emu = await startEmulator({ scenario: 'basic' });
    ext = await launchExtension(emu.hostMap);
    options = await ext.context.newPage();
    await options.setViewportSize({ width: 1100, height: 900 });
  });
  afterAll(async () => {
    await ext?.close();
    await emu?.close();
  });

  it('opens as a wizard on the Kakao app step and walks to a first test message', async () => {
    await options.goto(ext.extensionUrl('options.html'));
    await options.getByTestId('wizard').waitFor();
    expect(await options.getByTestId('wizard-step-kakao').getAttribute('aria-current')).toBe('step');
    await options.screenshot({ path: screenshotPath('options-1-kakao.png'), fullPage: true });
    await options.getByTestId('kakao-rest-key').fill('0123456789abcdef0123456789abcdef');
    await options.getByTestId('settings-save').click();
    await expect.poll(() => options.getByTestId('kakao-status').textContent()).toBe('저장했어요');
    await approveInAuthWindow(ext.context, 1, () => options.getByTestId('check-connection').click());
    await expect.poll(() => options.getByTestId('kakao-status').textContent(), { timeout: 15_000 }).toContain('운영자');

    await options.getByTestId('wizard-next').click();
    await options.getByTestId('store-name').fill('하늘상점');
    await options.getByTestId('store-url').fill('https://smartstore.naver.com/haneul');
    await options.getByTestId('store-link-domains').fill('smartstore.naver.com');
    await options.getByTestId('store-save').click();
    await expect.poll(() => options.getByTestId('store-status').textContent()).toMatch(/\S/);
    await options.screenshot({ path: screenshotPath('options-2-store.png'), fullPage: true });

    await options.getByTestId('wizard-next').click();
    await options.getByTestId('send-to-me').click();
    await expect.poll(() => options.getByTestId('send-to-me-passed').count(), { timeout: 15_000 }).toBe(1);
    await options.screenshot({ path: screenshotPath('options-3-test.png'), fullPage: true });
    expect(await emu.control.deliveries()).toEqual([expect.objectContaining({ kind: 'memo', receiverId: 1 })]);

    for (const [i, name] of [
      [4, 'notice'],
      [5, 'review'],
    ] as const) {
      await options.getByTestId('wizard-next').click();
      await options.screenshot({ path: screenshotPath(`options-${i}-${name}.png`), fullPage: true });
    }
  });

  it('waits for a team member to open the opt-in page, then records the team-member step as passed', async () => {
    // The friends list needs the operator's friends consent (granted in the popup), then options is read again.
    await emu.control.autoApprove(1);
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await popup.getByTestId('consent-grant').click();
    await expect.poll(() => popup.getByTestId('friends-count').textContent(), { timeout: 15_000 }).toBe('2');
    await popup.close();
    await emu.control.autoApprove(null);
    await options.reload();
    await options.getByTestId('wizard-step-test').click();
    const wait = options.getByTestId('team-member-wait');
    expect(await wait.textContent()).toContain('팀원에게 안내 페이지를 열어 달라고 하세요');
    expect(await options.getByTestId('team-member-passed').count()).toBe(0);
    await options.getByTestId('team-member-wait-start').click();
    await expect.poll(() => wait.getAttribute('data-state')).toBe('waiting');
    // Nobody new yet: it keeps waiting through a few refreshes.
    await options.waitForTimeout(3500);
    expect(await wait.getAttribute('data-state')).toBe('waiting');
    // 이구름 (4), the operator's KakaoTalk friend, is made a team member and completes the opt-in (token, then
    // /v2/user/me) — what the opt-in page does for them.
    const key = '0123456789abcdef0123456789abcdef';
    emu.world.apps.get(key)!.members.push(4);
    const { access_token } = emu.world.issueTokens(key, 4, ['profile_nickname', 'friends']);
    const me = await emu.request('kapi.kakao.com', '/v2/user/me', {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(me.status).toBe(200);
    await expect.poll(() => wait.getAttribute('data-state'), { timeout: 15_000 }).toBe('passed');
    expect(await options.getByTestId('team-member-wait-status').textContent()).toContain(
      '이구름 님이 친구 목록에 나타났어요',
    );
    await expect.poll(() => options.getByTestId('team-member-passed').count()).toBe(1);
    const friendsCalls = (await emu.request('localhost', '/__emulator/requests'))
      .json()
      .requests.filter((r: { path: string }) => r.path === '/v1/api/talk/friends').length;
    expect(friendsCalls).toBeGreaterThanOrEqual(3); // the baseline and at least two refreshes while waiting
  });

  it('the popup then shows the operator, consents and today’s quota', async () => {
    const popup = await ext.context.newPage();
    await popup.goto(ext.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByTestId('signed-in-nickname').textContent()).toBe('운영자');
    await expect.poll(() => popup.getByTestId('quota-left').textContent()).toContain('100');
    await popup.close();
  });
});
