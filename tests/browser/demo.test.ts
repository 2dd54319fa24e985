import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { screenshotPath, type ExtensionBrowser } from '../support/chromium';
import type { Emulator } from '../kakao-emulator/client';
import { startWorld, type World } from '../support/world';
import { runWalkthrough } from '../demo/walkthrough';

// The same walkthrough `npm run demo -- --headless` runs.
describe('demo walkthrough', () => {
  let world: World;
  let emu: Emulator;
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    world = await startWorld('demo');
    ({ emu, ext } = world);
  });
  afterAll(() => world?.close());

  it('passes every step and writes screenshots and a summary', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'ordertalk-demo-'));
    const steps = await runWalkthrough(ext, emu, out);
    expect(steps.map((s) => [s.name, s.ok, s.ok ? '' : s.detail]).filter((s) => !s[1])).toEqual([]);
    expect(steps).toHaveLength(5);
    expect(readdirSync(out).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(6);
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('| 최예린 |');
    expect(summary).toMatch(/\| 조은우 \| skipped \|.*수신/);
    // The README links these (docs/screenshots/demo under npm run screenshots).
    mkdirSync(screenshotPath('demo'), { recursive: true });
    for (const png of readdirSync(out).filter((f) => f.endsWith('.png'))) {
      copyFileSync(path.join(out, png), screenshotPath(`demo/${png}`));
    }
  });
});
