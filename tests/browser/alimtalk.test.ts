import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/chromium';
import { screenshotPath } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { loadScenario, startSolapiEmulator, type SolapiEmulator } from '../solapi-emulator/client';
import { startWorld, type World } from '../support/world';
import { openCompose, setUpOperator } from '../support/setup-operator';

const KEY = 'de0de0de0de0de0de0de0de0de0de0de';
const SOLAPI_KEY = 'NCSTESTKEY00001A';
const SOLAPI_SECRET = 'TESTSECRETTESTSECRETTESTSECRET12';
const CHANNEL = 'KA01PF26050100000000000000000001';
const ORDER_TEMPLATE = 'KA01TP26050100000000000000000001';
const BULK = { width: 760, height: 820 };
// Fixture rows (tests/support/site-server.ts): row i is buyer NAMES[i], phone 010-(1000+i)-(5000+i), masked for i % 5 === 4.
const FRIENDS = ['김민지', '이서준', '박지우'];
const BY_ALIMTALK = ['최예린', '강수아', '조은우', '윤도윤'];
const NOT_A_KAKAOTALK_USER = '01010075007'; // 윤도윤: AlimTalk fails with 3104, the SMS goes instead
const MASKED = '정하준';

/**
 * Chromium under automation cannot answer an extension's permission prompt
 * (https://github.com/microsoft/playwright/issues/32755): the page's chrome.permissions answers "granted" here,
 * and the SOLAPI emulator answers CORS, so the build's own requests reach it (tests/solapi-emulator/http.ts).
 */
async function answerPermissionPrompts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const p = (globalThis as unknown as { chrome: { permissions: Record<string, unknown> } }).chrome.permissions;
    p.request = async () => true;
    p.remove = async () => true;
  });
}

const channels = (compose: Page) =>
  compose
    .getByTestId('order-card')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [
          e.querySelector('strong')!.textContent,
          e.querySelector('[data-testid="order-channel"]')?.getAttribute('data-channel'),
        ]),
      ),
    );

describe('AlimTalk through SOLAPI beside friend messages (real Chrome build, both emulators)', () => {
  let world: World;
  let emu: Emulator;
  let solapi: SolapiEmulator;
  let ext: ExtensionBrowser;
  let store: Page;
  let grid: FrameLocator;

  beforeAll(async () => {
    const scenario = loadScenario('demo');
    scenario.phones[NOT_A_KAKAOTALK_USER] = 'non-user';
    solapi = await startSolapiEmulator({ scenario });
    world = await startWorld('demo', { hosts: solapi.hostMap });
    ({ emu, ext } = world);
    await setUpOperator(ext, emu, { key: KEY, userId: 1000 });
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    await solapi?.close();
  });

  it('is set up in options: key and secret sealed, balance and prices, channel, templates and their variables', async () => {
    const options = await ext.context.newPage();
    await options.setViewportSize({ width: 1280, height: 720 });
    await options.goto(ext.extensionUrl('options.html'));
    await answerPermissionPrompts(options);
    const section = options.getByTestId('options-section-alimtalk');
    await section.scrollIntoViewIfNeeded();
    await options.getByTestId('alimtalk-enabled').check();
    await expect.poll(() => options.getByTestId('alimtalk-status').textContent()).toBe('알림톡을 켰어요.');
    // A key in the wrong shape is refused with what to do, in Korean.
    await options.getByTestId('alimtalk-api-key').fill('NCS-bad key');
    await options.getByTestId('alimtalk-api-secret').fill(SOLAPI_SECRET);
    await options.getByTestId('alimtalk-save').click();
    await expect.poll(() => options.getByTestId('alimtalk-status').textContent()).toContain('API Key 관리');
    await options.getByTestId('alimtalk-api-key').fill(SOLAPI_KEY);
    await options.getByTestId('alimtalk-save').click();
    await expect.poll(() => options.getByTestId('alimtalk-status').textContent()).toContain('저장했어요');
    // Write-only: the fields are emptied and only the key's last four characters come back.
    expect(await options.getByTestId('alimtalk-api-secret').inputValue()).toBe('');
    expect(await section.textContent()).toContain('저장됨 (…001A)');
    expect(await section.textContent()).not.toContain(SOLAPI_SECRET);
    await options.getByTestId('alimtalk-check').click();
    await expect
      .poll(() => options.getByTestId('alimtalk-balance').textContent())
      .toBe('잔액 10,000원 · 알림톡 건당 13원 · 문자 건당 20원');
    await options.getByTestId('alimtalk-channel').selectOption(CHANNEL);
    await options.getByTestId('alimtalk-sender').fill('02-1234-5678');
    await options.getByTestId('alimtalk-sender-save').click();
    await expect.poll(() => options.getByTestId('alimtalk-sms-fallback').isChecked()).toBe(true);
    await options.getByTestId('alimtalk-sync').click();
    await expect.poll(() => options.getByTestId('alimtalk-template').count()).toBe(3);
    const approved = options.locator(`[data-testid="alimtalk-template"][data-template-id="${ORDER_TEMPLATE}"]`);
    // Variables are read from the template's text and mapped by name.
    expect(await approved.locator('[data-testid="alimtalk-var"][data-var="고객명"]').inputValue()).toBe('buyerName');
    expect(await approved.locator('[data-testid="alimtalk-var"][data-var="주문번호"]').inputValue()).toBe('orderNo');
    const notice = options.locator('[data-testid="alimtalk-notice"][data-notice="order-confirmed"]');
    // A template under review cannot be chosen, and says why.
    const inspecting = notice.locator('option', { hasText: '배송 시작 안내' });
    expect(await inspecting.isDisabled()).toBe(true);
    expect(await inspecting.textContent()).toContain('카카오 검수 중이에요');
    await notice.selectOption(ORDER_TEMPLATE);
    await expect.poll(() => options.getByTestId('alimtalk-status').textContent()).toBe('저장했어요');
    await section.screenshot({ path: screenshotPath('options-alimtalk.png') });
    // Nothing of the secret is in any page-readable storage.
    const stored = await options.evaluate(async () =>
      JSON.stringify(await (globalThis as unknown as { chrome: any }).chrome.storage.local.get(null)),
    );
    expect(stored).not.toContain(SOLAPI_SECRET);
    expect(stored).not.toContain(SOLAPI_KEY);
    await options.close();
  });

  it('sends a bulk of 8 by the channel that reaches each order, each once, the AlimTalks in one group', async () => {
    store = await ext.context.newPage();
    await store.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
    grid = store.frameLocator('#__delegate');
    await expect.poll(() => grid.getByTestId('ordertalk-notify').count(), { timeout: 15_000 }).toBe(12);
    const boxes = grid.locator('td[data-column-name="_checked"] input');
    for (let i = 0; i < 8; i++) await boxes.nth(i).check();
    await expect.poll(() => grid.getByTestId('ordertalk-bulk').textContent()).toBe('선택 주문 카톡 알림 (8)');
    const compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-bulk').click());
    await compose.setViewportSize(BULK);
    await expect.poll(() => compose.getByTestId('order-card').count()).toBe(8);
    // Before linking, every reachable order but the masked one goes by AlimTalk.
    await expect.poll(async () => (await channels(compose))[FRIENDS[0]!]).toBe('alimtalk');
    for (const name of FRIENDS) {
      const card = compose.locator('article', { hasText: name }).first();
      await card.getByRole('button', { name: '친구 연결' }).click();
      await card.locator('[data-testid="friend-option"]', { hasText: name }).first().click();
      await card.getByTestId('link-confirm').click();
      await expect.poll(() => card.getByTestId('linked-friend').textContent()).toBe(name);
    }
    await expect
      .poll(() => channels(compose))
      .toEqual({
        ...Object.fromEntries(FRIENDS.map((n) => [n, 'friend'])),
        ...Object.fromEntries(BY_ALIMTALK.map((n) => [n, 'alimtalk'])),
        [MASKED]: 'none',
      });
    // Each card says why: the masked phone names itself, a fallen-back order names the friend reason.
    const masked = compose.locator('article', { hasText: MASKED }).first();
    expect(await masked.getByTestId('order-channel').textContent()).toContain('전화번호가 가려져 있어요');
    const fallen = compose.locator('article', { hasText: BY_ALIMTALK[0] }).first();
    expect(await fallen.getByTestId('order-channel').textContent()).toContain('친구 메시지 불가');
    expect(await fallen.getByTestId('alimtalk-to').textContent()).toContain('받는 번호 010-****-5003');
    // The operator can move a friend-message order to AlimTalk and back: it says what it costs.
    const friendCard = compose.locator('article', { hasText: FRIENDS[0] }).first();
    expect(await friendCard.getByTestId('channel-switch').textContent()).toBe('알림톡으로 바꾸기(건당 13원)');
    await friendCard.getByTestId('channel-switch').click();
    await expect.poll(async () => (await channels(compose))[FRIENDS[0]!]).toBe('alimtalk');
    await expect.poll(() => compose.getByTestId('cost').textContent()).toContain('알림톡 5건');
    await friendCard.getByTestId('channel-switch').click();
    await expect.poll(async () => (await channels(compose))[FRIENDS[0]!]).toBe('friend');
    expect(await compose.getByTestId('channel-summary').textContent()).toContain(
      '친구 메시지 3 · 알림톡 4 · 보낼 수 없음 1',
    );
    expect(await compose.getByTestId('cost').textContent()).toBe('알림톡 4건 × 13원 = 52원 (잔액 10,000원)');
    // The AlimTalk preview is the approved template with this order's values, under the channel's name.
    const preview = compose.getByTestId('alimtalk-preview');
    expect(await preview.getByTestId('alimtalk-preview-channel').textContent()).toBe('@ordertalk');
    expect(await preview.getByTestId('alimtalk-preview-text').textContent()).toBe(
      '최예린님, 주문(2026112490000002)이 접수되었습니다.',
    );
    expect(await preview.textContent()).toContain('알림톡 도착');
    await expect.poll(() => compose.getByTestId('send').textContent()).toBe('보내기 (7)');
    await compose.screenshot({ path: screenshotPath('compose-alimtalk.png') });

    const kakaoBefore = (await emu.control.deliveries()).length;
    await compose.getByTestId('consent-ack').check();
    await compose.getByTestId('send').click();
    await expect.poll(() => compose.getByTestId('bulk-report').count(), { timeout: 30_000 }).toBe(1);
    // Friend messages: exactly one each to the three friends.
    const kakao = (await emu.control.deliveries()).slice(kakaoBefore);
    expect(kakao.length).toBe(3);
    // AlimTalk: four messages in one group, to the four full numbers, with the SMS fallback allowed.
    const messages = await solapi.control.messages();
    expect(messages.length).toBe(4);
    expect(new Set(messages.map((m) => m.groupId)).size).toBe(1);
    expect(messages.every((m) => m.sent && m.from === '0212345678' && !m.disableSms)).toBe(true);
    expect(messages.map((m) => m.to).sort()).toEqual([
      '01010035003',
      '01010055005',
      '01010065006',
      NOT_A_KAKAOTALK_USER,
    ]);
    expect(messages.find((m) => m.to === '01010035003')!.variables).toEqual({
      '#{고객명}': '최예린',
      '#{주문번호}': '2026112490000002',
    });
    // Delivery reports come in over the emulator's time; the open report follows them.
    await solapi.control.advanceClock(5000);
    const delivery = (name: string) =>
      compose.locator('article', { hasText: name }).first().getByTestId('delivery').getAttribute('data-delivery');
    await expect.poll(() => delivery(BY_ALIMTALK[0]!), { timeout: 30_000 }).toBe('delivered');
    await expect.poll(() => delivery('윤도윤'), { timeout: 30_000 }).toBe('delivered');
    expect(
      await compose.locator('article', { hasText: '윤도윤' }).first().getByTestId('delivery').textContent(),
    ).toContain('문자로 보냄');
    await expect
      .poll(() => compose.getByTestId('report-cost').textContent(), { timeout: 30_000 })
      .toBe('알림톡 4건: 도착 3 · 문자로 대신 1 · 실패 0 · 비용 72원');
    // The masked order was never sent, and the report says it was left out.
    expect(await compose.locator('article', { hasText: MASKED }).first().getAttribute('data-state')).toBe('blocked');
    expect(await compose.getByTestId('report-line').textContent()).toMatch(
      /^보냄 7 · 실패 0 · 결과 확인 필요 0 · 보내지 않음 1$/,
    );
    await compose.screenshot({ path: screenshotPath('compose-alimtalk-report.png') });
    // History: a channel column, the number masked, the cost, the delivery as it ended.
    const history = await ext.context.newPage();
    await history.goto(ext.extensionUrl('send-history.html'));
    const row = history.locator('tr', { hasText: '윤도윤' }).first();
    await expect.poll(() => row.locator('[data-column="channel"]').textContent()).toBe('알림톡 · 010-****-5007');
    expect(await row.locator('[data-column="cost"]').textContent()).toBe('33원');
    expect(await history.locator('body').textContent()).not.toContain(NOT_A_KAKAOTALK_USER);
    await history.close();
    await compose.close();
  });

  it('a send whose answer is lost after SOLAPI sent it is looked up, never sent as a second group', async () => {
    const boxes = grid.locator('td[data-column-name="_checked"] input');
    for (let i = 0; i < 8; i++) await boxes.nth(i).uncheck();
    // Rows 8 and 10: 장서연 and 한유나, full numbers, not linked.
    await boxes.nth(8).check();
    await boxes.nth(10).check();
    const compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-bulk').click());
    await compose.setViewportSize(BULK);
    await expect.poll(() => channels(compose)).toEqual({ 장서연: 'alimtalk', 한유나: 'alimtalk' });
    const before = await solapi.control.requests();
    await solapi.control.fault({
      path: '/messages/v4/groups/:groupId/send',
      method: 'POST',
      kind: 'drop-after-processing',
    });
    await compose.getByTestId('send').click();
    await expect.poll(() => compose.getByTestId('bulk-report').count(), { timeout: 30_000 }).toBe(1);
    const after = await solapi.control.requests();
    const delta = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
    expect(delta('POST /messages/v4/groups')).toBe(1);
    expect(delta('GET /messages/v4/groups/:groupId')).toBeGreaterThanOrEqual(1);
    // Chromium itself may repeat a POST whose connection dropped before any answer (observed here, 2 ms later,
    // with the same headers): SOLAPI refuses the reused signature, and the group is looked up, not sent again.
    const sends = (await solapi.control.requestLog()).filter((l) => l.path === '/messages/v4/groups/:groupId/send');
    expect(
      sends
        .slice(-delta('POST /messages/v4/groups/:groupId/send'))
        .slice(1)
        .every((l) => l.status >= 400),
    ).toBe(true);
    const mine = (await solapi.control.messages()).filter((m) => ['01010085008', '01010105010'].includes(m.to));
    expect(mine.length).toBe(2);
    expect(mine.every((m) => m.sent)).toBe(true);
    const states = await compose
      .getByTestId('send-result')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
    expect(states).toEqual(['sent', 'sent']);
    await compose.close();
  });

  it('a worker killed between creating the group and sending it sends nothing, and says so', async () => {
    const boxes = grid.locator('td[data-column-name="_checked"] input');
    await boxes.nth(8).uncheck();
    await boxes.nth(10).uncheck();
    await boxes.nth(11).check(); // 오시우, 010-1011-5011
    const compose = await openCompose(ext.context, () => grid.getByTestId('ordertalk-bulk').click());
    await expect.poll(() => channels(compose)).toEqual({ 오시우: 'alimtalk' });
    // Adding the messages is slow: the worker dies while the group exists but was never sent.
    await solapi.control.fault({
      path: '/messages/v4/groups/:groupId/messages',
      method: 'PUT',
      kind: 'latency',
      ms: 6000,
    });
    const groupsBefore = (await solapi.control.requests())['POST /messages/v4/groups'] ?? 0;
    await compose.getByTestId('send').click();
    // The group is created (its id journaled) and the slow add is under way.
    await expect
      .poll(async () => (await solapi.control.requests())['POST /messages/v4/groups'] ?? 0, { timeout: 15_000 })
      .toBe(groupsBefore + 1);
    await compose.waitForTimeout(500);
    const cdp = await ext.context.newCDPSession(compose);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await compose.waitForTimeout(7000);
    // The worker wakes for the page: the cut-off send is settled from its journal, not sent.
    const history = await ext.context.newPage();
    await history.goto(ext.extensionUrl('send-history.html'));
    const row = history.locator('tr', { hasText: '오시우' }).first();
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('failed');
    expect(await row.textContent()).toContain('중단');
    const sentToHim = (await solapi.control.messages()).filter((m) => m.to === '01010115011' && m.sent);
    expect(sentToHim).toEqual([]);
    // Its group exists at SOLAPI, never sent.
    const groups = await solapi.control.groups();
    expect(groups.filter((g: { status: string }) => g.status === 'PENDING').length).toBe(1);
    await history.close();
    await compose.close();
  });

  it('a page script reaches none of it: the admin page cannot ask the background for AlimTalk', async () => {
    const before = await solapi.control.requests();
    const answers = await store.evaluate(async (id) => {
      const runtime = (
        globalThis as unknown as {
          chrome?: { runtime?: { sendMessage?: (id: string, m: unknown, cb: (r: unknown) => void) => void } };
        }
      ).chrome?.runtime;
      const tries: string[] = [];
      for (const type of ['alimtalk.check', 'alimtalk.state', 'send.orders']) {
        try {
          if (!runtime?.sendMessage) tries.push('no runtime');
          else
            tries.push(
              String(
                await new Promise((resolve) => {
                  try {
                    runtime.sendMessage!(id, { type, input: {} }, (r: unknown) => resolve(r ?? 'no answer'));
                  } catch (e) {
                    resolve(String(e));
                  }
                }),
              ),
            );
        } catch (e) {
          tries.push(String(e));
        }
      }
      return tries;
    }, ext.extensionId);
    expect(answers.join(' ')).not.toMatch(/balance|credentials|ok/);
    expect(await solapi.control.requests()).toEqual(before);
  });
});
