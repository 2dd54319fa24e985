import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { openCompose, setUpOperator } from '../support/setup-operator';

export const DEMO_KEY = 'de0de0de0de0de0de0de0de0de0de0de';
const OPERATOR = 1000;
/** Demo customers who are the operator's reachable friends (tests/kakao-emulator/scenarios/demo.json). */
const LINKABLE = ['김민지', '이서준', '박지우', '최예린', '정하준', '조은우', '한유나'];

export interface Step {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * The demo, unattended: set up, link a customer and send one, then a bulk of twelve orders with mixed
 * eligibility. Screenshots and a summary go to `outDir`. Used by `npm run demo -- --headless` and by npm test.
 */
export async function runWalkthrough(ext: ExtensionBrowser, emu: Emulator, outDir: string): Promise<Step[]> {
  mkdirSync(outDir, { recursive: true });
  const steps: Step[] = [];
  const shot = (page: Page, name: string) =>
    page.screenshot({
      path: path.join(outDir, `${String(steps.length + 1).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  async function step(name: string, run: () => Promise<string>) {
    try {
      steps.push({ name, ok: true, detail: await run() });
    } catch (error) {
      steps.push({ name, ok: false, detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) });
      throw error;
    }
  }
  let store: Page | undefined;
  try {
    await step('Set up: app key, store, Kakao sign-in, consents', async () => {
      await setUpOperator(ext, emu, { key: DEMO_KEY, userId: OPERATOR });
      return 'signed in as 하늘상점 사장님 (user 1000) with friends and talk_message';
    });
    await step('Order page shows 카톡 알림 on every row', async () => {
      store = await ext.context.newPage();
      await store.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
      const grid = store.frameLocator('#__delegate');
      await grid.getByTestId('ordertalk-notify').nth(11).waitFor({ timeout: 15_000 });
      await shot(store, 'order-page');
      return `${await grid.getByTestId('ordertalk-notify').count()} buttons`;
    });
    const grid = () => store!.frameLocator('#__delegate');
    await step('Link 김민지 and send one 주문 확인', async () => {
      const compose = await openCompose(ext.context, () => grid().getByTestId('ordertalk-notify').first().click());
      await compose.locator('[data-testid="friend-option"]', { hasText: '김민지' }).first().click();
      await compose.getByTestId('link-confirm').click();
      await compose.getByTestId('linked-friend').waitFor();
      await compose.getByTestId('consent-ack').check();
      await shot(compose, 'compose-single');
      await compose.getByTestId('send').click();
      const result = compose.getByTestId('send-result');
      await result.waitFor({ timeout: 15_000 });
      const status = await result.getAttribute('data-status');
      await shot(compose, 'sent-single');
      await compose.close();
      if (status !== 'sent') throw new Error(`single send: ${status}`);
      return 'delivered to 김민지';
    });
    let report = '';
    await step('Bulk: 12 orders, link the reachable customers, send', async () => {
      const boxes = grid().locator('td[data-column-name="_checked"] input');
      for (let i = 0; i < 12; i++) await boxes.nth(i).check();
      const compose = await openCompose(ext.context, () => grid().getByTestId('ordertalk-bulk').click());
      for (const name of LINKABLE.slice(1)) {
        const card = compose.locator('article', { hasText: name }).first();
        await card.getByRole('button', { name: '친구 연결' }).click();
        await card.locator('[data-testid="friend-option"]', { hasText: name }).first().click();
        await card.getByTestId('link-confirm').click();
        await card.getByTestId('linked-friend').waitFor();
      }
      await shot(compose, 'compose-bulk');
      // Orders that already got this notice are left out; each is added back on its own card.
      for (const box of await compose.getByTestId('confirm-repeat').all()) await box.check();
      await compose.getByTestId('send').click();
      await compose.getByTestId('bulk-report').waitFor({ timeout: 30_000 });
      await shot(compose, 'bulk-report');
      const rows = await compose.locator('article[data-order-no]').evaluateAll((els) =>
        els.map((e) => {
          const result = e.querySelector('[data-testid="send-result"]');
          // Each problem: what is wrong, then its cause and fix (the action button's label left out).
          const failing = [...e.querySelectorAll('.cp-problems li[data-ok="false"]')]
            .map((c) => {
              const label = c.querySelector('strong')?.textContent?.trim() ?? '';
              const fix = [...c.querySelectorAll('.cp-fix p')].map((p) => p.textContent?.trim()).join(' ');
              return `${label}: ${fix}`;
            })
            .join('; ');
          return `| ${e.querySelector('strong')?.textContent} | ${result?.getAttribute('data-status') ?? 'skipped'} | ${(result?.textContent ?? failing).replace(/\|/g, '/')} |`;
        }),
      );
      report = ['| customer | outcome | why |', '| --- | --- | --- |', ...rows].join('\n');
      await compose.close();
      return `${rows.filter((r) => r.includes('| sent |')).length} sent`;
    });
    await step('Customers’ inboxes show what arrived', async () => {
      const inbox = await ext.context.newPage();
      await inbox.goto('https://kapi.kakao.com/__emulator/inbox/1001');
      await shot(inbox, 'inbox-kim-minji');
      const n = await inbox.getByTestId('inbox-message').count();
      await inbox.close();
      const deliveries = await emu.control.deliveries();
      if (n < 1) throw new Error('nothing in 김민지 inbox');
      return `${deliveries.length} messages delivered in all`;
    });
    writeSummary(outDir, steps, report);
  } catch {
    writeSummary(outDir, steps, '');
  }
  return steps;
}

function writeSummary(outDir: string, steps: Step[], report: string): void {
  const lines = [
    '# OrderTalk demo walkthrough',
    '',
    ...steps.map((s) => `- ${s.ok ? '✓' : '✗'} ${s.name}: ${s.detail}`),
    '',
    report && '## Bulk send, per order',
    '',
    report,
  ];
  writeFileSync(path.join(outDir, 'summary.md'), `${lines.join('\n')}\n`);
}
