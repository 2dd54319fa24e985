import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { startWorld, type World } from '../support/world';
import { openCompose, setUpOperator } from '../support/setup-operator';

// Issue #17 under the Kakao emulator's faults: a friend removed between link and send, and a bulk whose
// request Kakao processed and then answered 500. The service worker stopped mid-bulk is in bulk-send.test.ts.
const KEY = 'de0de0de0de0de0de0de0de0de0de0de'; // the demo scenario's app
const OPERATOR = 1000;
const LINKED = { 김민지: 1001, 이서준: 1002, 박지우: 1003, 정하준: 1005 } as const;
// Both the default-template and the custom-template send paths contain this.
const SEND_PATH = '/v1/api/talk/friends/message/';

describe('sends under faults (real Chrome build, demo scenario)', () => {
  let world: World;
  let emu: Emulator;
  let ext: ExtensionBrowser;
  let grid: FrameLocator;
  let compose: Page;

  beforeAll(async () => {
    world = await startWorld('demo');
    ({ emu, ext } = world);
    await setUpOperator(ext, emu, { key: KEY, userId: OPERATOR });
  });
  afterAll(() => world?.close());

  it('opens a bulk of 12 and links four customers', async () => {
    const store = await ext.context.newPage();
    await store.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    grid = store.frameLocator('#__delegate');
    await expect.poll(() => grid.getByTestId('ordertalk-notify').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const boxes = grid.locator('td[data-column-name="_checked"] input');
    for (let i = 0; i < 12; i++) await boxes.nth(i).check();
    compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-bulk').click());
    await compose.setViewportSize({ width: 760, height: 820 });
    await expect.poll(() => compose.getByTestId('order-card').count()).toBe(12);
    for (const name of Object.keys(LINKED)) {
      const card = compose.locator('article', { hasText: name }).first();
      await card.getByRole('button', { name: '친구 연결' }).click();
      // 김민지 has a same-nickname twin (1013): the first is the one the demo shop's order belongs to.
      await card.locator('[data-testid="friend-option"]', { hasText: name }).first().click();
      await card.getByTestId('link-confirm').click();
      await expect.poll(() => card.getByTestId('linked-friend').textContent()).toBe(name);
    }
  });

  it('a friend removed after linking is left out before anything is sent, with the reason; a 500 after processing is never retried', async () => {
    // 이서준 removes the operator as a friend after being linked; the extension's friends list is a few minutes
    // old by the time Send is clicked (its fetchedAt moved back, as time would).
    await emu.control.unfriend(OPERATOR, LINKED.이서준);
    const worker = await ext.serviceWorker();
    await worker.evaluate(async () => {
      const key = 'kakaoFriends';
      const cached = (await (globalThis as any).chrome.storage.session.get(key))[key] as
        { fetchedAt: number } | undefined;
      if (!cached) throw new Error('no friends list cached');
      await (globalThis as any).chrome.storage.session.set({
        [key]: { ...cached, fetchedAt: cached.fetchedAt - 10 * 60_000 },
      });
    });
    // Kakao processes the send request, then a server error answers it: what arrived is unknown.
    await emu.control.fault({ path: SEND_PATH, kind: 'gateway', status: 500, nth: 1 });
    await compose.getByTestId('consent-ack').check();
    await compose.getByTestId('send').click();
    await expect.poll(() => compose.getByTestId('bulk-report').count(), { timeout: 30_000 }).toBe(1);

    const results = Object.fromEntries(
      await compose
        .getByTestId('send-result')
        .evaluateAll((els) =>
          els.map((e) => [
            e.closest('article')!.querySelector('strong')!.textContent,
            [e.getAttribute('data-status'), e.textContent],
          ]),
        ),
    ) as Record<string, [string, string]>;
    expect(results['이서준']![0]).toBe('skipped');
    expect(results['이서준']![1]).toContain('친구 목록에서 사라졌어요');
    // Each order's message is its own request: the first one was answered 500 after Kakao processed it.
    const names = ['김민지', '박지우', '정하준'];
    expect(names.map((n) => results[n]![0]).sort()).toEqual(['sent', 'sent', 'unknown']);
    const unknown = names.find((n) => results[n]![0] === 'unknown')!;
    expect(results[unknown]![1]).toContain('결과 확인 필요');

    // Three requests, none repeated: each customer got the message once; nothing went to the removed friend.
    await compose.waitForTimeout(1500);
    expect(await sendRequests(emu)).toBe(3);
    const deliveries = await emu.control.deliveries();
    const receivers = deliveries.map((d) => d.receiverId).sort();
    expect(receivers).toEqual([LINKED.김민지, LINKED.박지우, LINKED.정하준].sort());
    // The history says "결과 확인 필요" for it, not failed: the operator decides per order whether to repeat.
    const history = await ext.context.newPage();
    await history.goto(ext.extensionUrl('send-history.html'));
    await expect.poll(() => history.locator('tr[data-status="unknown"]').count(), { timeout: 10_000 }).toBe(1);
    expect(await history.locator('tr[data-status="failed"]').count()).toBe(0);
    await history.close();
  });
});

/** How many friend-message requests reached the emulator. */
async function sendRequests(emu: Emulator): Promise<number> {
  const { requests } = (await emu.request('kapi.kakao.com', '/__emulator/requests')).json() as {
    requests: { path: string }[];
  };
  return requests.filter((r) => r.path.startsWith(SEND_PATH)).length;
}
