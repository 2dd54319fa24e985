// npm run demo [-- --headless]: the whole product against a local Kakao emulator and a demo store admin,
// before registering anything with Kakao. Headed: opens Chromium and waits; headless: runs the walkthrough.
import path from 'node:path';
import { startWorld } from '../tests/support/world';
import { DEMO_KEY, runWalkthrough } from '../tests/demo/walkthrough';

const headless = process.argv.includes('--headless') || !process.env.DISPLAY;
const world = await startWorld('demo', { headless });
const { emu, site, ext } = world;
console.log(
  `Kakao emulator (demo scenario): https://kapi.kakao.com/__emulator/inbox inside the demo browser (port ${emu.port})`,
);
console.log(`Demo store admin: https://sell.smartstore.naver.com/#/naverpay/manage/order (port ${site.port})`);
console.log(`Chromium with the production build, extension id ${ext.extensionId}`);
const stop = async (code: number) => {
  await world.close();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

if (headless) {
  const out = path.resolve('demo-output');
  const t0 = Date.now();
  const steps = await runWalkthrough(ext, emu, out);
  for (const s of steps) console.log(`${s.ok ? 'PASS' : 'FAIL'}  ${s.name}: ${s.detail}`);
  console.log(`Screenshots and summary in ${out} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  await stop(steps.length > 0 && steps.every((s) => s.ok) ? 0 : 1);
} else {
  const page = await ext.context.newPage();
  await page.goto(ext.extensionUrl('options.html'));
  const store = await ext.context.newPage();
  await store.goto('https://sell.smartstore.naver.com/#/naverpay/manage/order');
  console.log(
    `In the options page enter the REST API key ${DEMO_KEY}, sign in as "하늘상점 사장님", and try 카톡 알림 on the order page.`,
  );
  console.log('Press Ctrl-C to stop everything.');
}
