// npm run bench: content-script performance on a 2,000-row Smartstore grid in Chromium with the production
// build, against a bare-DOM baseline measured in the same run; the popup's first paint against a static
// extension page; a send's history bookkeeping with a year of history against none. Prints figures and
// PASS/FAIL per goal.
import { statSync } from 'node:fs';
import { launchExtension, CHROME_BUILD } from '../support/chromium';
import { startSiteServer } from '../support/site-server';
import { benchPopup } from './popup';
import { benchStorage } from './storage';
import { benchCustomerKey } from './customer-key';
import { traceTasks, type MainThreadTask } from './trace-tasks';

const ROWS = 2000;
const site = await startSiteServer(['sell.smartstore.naver.com']);
const ext = await launchExtension({ 'sell.smartstore.naver.com': site.port });
const results: [string, string, boolean][] = [];

try {
  const page = await ext.context.newPage();
  await page.goto(`https://sell.smartstore.naver.com/o/v3/manage/order?rows=${ROWS}&window=${ROWS}&empty=1`);
  await page.waitForFunction(() => document.documentElement.dataset.ordertalk === 'ready');
  const frame = page.mainFrame();

  const cdp = await ext.context.newCDPSession(page);
  // Baseline: the same page under a path the extension leaves alone, the same rows, then the cheapest
  // possible injection (querySelectorAll + createElement/append).
  const basePage = await ext.context.newPage();
  await basePage.goto(`https://sell.smartstore.naver.com/bench/order?rows=${ROWS}&window=${ROWS}&empty=1`);
  const baseCdp = await ext.context.newCDPSession(basePage);
  const baselineMs: number[] = [];
  const baselineTasks: MainThreadTask[] = [];
  for (let i = 0; i < 3; i++) {
    let ms = 0;
    baselineTasks.push(
      ...(await traceTasks(baseCdp, async () => {
        ms = await basePage.evaluate(async () => {
          const w = window as unknown as { __render(n: number): void };
          document
            .querySelectorAll('.tui-grid-lside-area tbody, .tui-grid-rside-area tbody')
            .forEach((t) => t.replaceChildren());
          await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 50)));
          const t0 = performance.now();
          w.__render(0);
          void document.body.offsetHeight;
          performance.mark('ordertalk-bench-start');
          await new Promise((res) => setTimeout(res, 0));
          for (const td of document.querySelectorAll('td[data-column-name="productOrderNo"] .tui-grid-cell-content')) {
            const b = document.createElement('button');
            b.textContent = '카톡 알림';
            td.append(b);
          }
          void document.body.offsetHeight; // include layout, as the extension's run does
          const ms = performance.now() - t0;
          await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 100)));
          document.querySelectorAll('td[data-column-name="productOrderNo"] button').forEach((b) => b.remove());
          return ms;
        });
      })),
    );
    baselineMs.push(ms);
  }
  // The extension: render, then wait until every row has our button (its observer runs on the next frame).
  const extMs: number[] = [];
  const extTasks: MainThreadTask[] = [];
  for (let i = 0; i < 3; i++) {
    let ms = 0;
    extTasks.push(
      ...(await traceTasks(cdp, async () => {
        ms = await frame.evaluate(async (rows) => {
          const w = window as unknown as { __render(n: number): void };
          document
            .querySelectorAll('.tui-grid-lside-area tbody, .tui-grid-rside-area tbody')
            .forEach((t) => t.replaceChildren());
          await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 50)));
          const t0 = performance.now();
          w.__render(0);
          void document.body.offsetHeight;
          // Only tasks after the page's own render are the extension's to answer for.
          performance.mark('ordertalk-bench-start');
          while (document.querySelectorAll('ordertalk-row').length < rows)
            await new Promise((res) => requestAnimationFrame(res));
          const ms = performance.now() - t0;
          await new Promise((res) => setTimeout(res, 300)); // badges arrive after the buttons
          return ms;
        }, ROWS);
      })),
    );
    extMs.push(ms);
  }
  // The page's own render is in both figures; the rAF wait adds up to one frame to the extension's.
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(extMs) / median(baselineMs);
  results.push([
    `inject ${ROWS} buttons: ${median(extMs).toFixed(1)} ms vs bare DOM ${median(baselineMs).toFixed(1)} ms`,
    `ratio ${ratio.toFixed(2)} (goal ≤ 1.5)`,
    ratio <= 1.5,
  ]);
  // A task is the extension's to answer for by the script (and GC) that runs in it: any change to a 2,000-row
  // table's cells makes the page lay the table out again, which the bare-DOM baseline pays as well.
  const longest = (ts: MainThreadTask[], k: 'ms' | 'renderingMs' | 'scriptMs') => Math.max(0, ...ts.map((t) => t[k]));
  const scriptMax = longest(extTasks, 'scriptMs');
  if (process.env.BENCH_DETAIL)
    for (const t of [...extTasks].sort((a, b) => b.scriptMs - a.scriptMs).slice(0, 5))
      console.log(`  ${t.scriptMs.toFixed(0)} ms: ${t.detail}`);
  results.push([
    'longest script (and GC) in one task while injecting',
    `${scriptMax.toFixed(0)} ms (goal ≤ 50)`,
    scriptMax <= 50,
  ]);
  results.push([
    "longest task while injecting, with the page's rendering",
    `${longest(extTasks, 'ms').toFixed(0)} ms (rendering ${longest(extTasks, 'renderingMs').toFixed(0)} ms) vs bare DOM ${longest(baselineTasks, 'ms').toFixed(0)} ms (rendering ${longest(baselineTasks, 'renderingMs').toFixed(0)} ms); not a goal, for comparison`,
    true,
  ]);

  // Re-rendering 50 rows (scroll, sort, paging back): all script time (CDP ScriptDuration) on the order page
  // minus the same re-render on an identical page where the content script does nothing (not an /o/ path),
  // both in this run. Rows the grid shows for the first time are measured apart: they must be read and
  // validated once, and their badges asked for.
  async function rerenderScriptMs(url: string, expectButtons: boolean): Promise<{ first: number; again: number }> {
    const p = await ext.context.newPage();
    await p.goto(url);
    if (expectButtons) await p.waitForFunction(() => document.querySelectorAll('ordertalk-row').length === 50);
    const cdp = await ext.context.newCDPSession(p);
    await cdp.send('Performance.enable');
    const script = async () =>
      ((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.find(
        (m) => m.name === 'ScriptDuration',
      )!.value * 1000;
    const render = async (start: number) => {
      const before = await script();
      await p.evaluate(async (s) => {
        (window as unknown as { __render(n: number): void }).__render(s);
        await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(res, 50))));
      }, start);
      return (await script()) - before;
    };
    const first: number[] = [];
    for (const start of [50, 100, 150, 200, 250]) first.push(await render(start));
    const again: number[] = [];
    for (let i = 0; i < 9; i++) again.push(await render(((i % 5) + 1) * 50));
    await p.close();
    return { first: median(first), again: median(again) };
  }
  const withExt = await rerenderScriptMs(
    `https://sell.smartstore.naver.com/o/v3/manage/order?rows=${ROWS}&window=50`,
    true,
  );
  const without = await rerenderScriptMs(`https://sell.smartstore.naver.com/bench/order?rows=${ROWS}&window=50`, false);
  const rerender = withExt.again - without.again;
  results.push([
    're-render 50 rows: extension script time',
    `${rerender.toFixed(2)} ms (${withExt.again.toFixed(2)} with, ${without.again.toFixed(2)} without; goal < 2)`,
    rerender < 2,
  ]);
  results.push([
    '50 rows shown for the first time: extension script time',
    `${(withExt.first - without.first).toFixed(2)} ms (read, validated, badges asked for; not a goal)`,
    true,
  ]);

  results.push(...(await benchPopup(ext)));
  results.push(...(await benchStorage(ext)));
  results.push(...(await benchCustomerKey(ext)));

  const size = statSync(`${CHROME_BUILD}/content-scripts/smartstore.js`).size / 1024;
  results.push(['content script bundle (minified)', `${size.toFixed(1)} kB (goal ≤ 30)`, size <= 30]);
} finally {
  await ext.close();
  await site.close();
}

for (const [what, figure, ok] of results) console.log(`${ok ? 'PASS' : 'FAIL'}  ${what}: ${figure}`);
process.exit(results.every((r) => r[2]) ? 0 : 1);
