import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchExtension, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';
import { startEmulator, type Emulator } from '../kakao-emulator/client';
import { runWalkthrough } from '../demo/walkthrough';

// The same walkthrough `npm run demo -- --headless` runs.
describe('demo walkthrough', () => {
  let emu: Emulator;
  let site: SiteServer;
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    emu = await startEmulator({ scenario: 'demo' });
    site = await startSiteServer(['sell.smartstore.naver.com']);
    ext = await launchExtension({ ...emu.hostMap, 'sell.smartstore.naver.com': site.port });
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
    await emu?.close();
  });

  it('passes every step and writes screenshots and a summary', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'ordertalk-demo-'));
    const steps = await runWalkthrough(ext, emu, out);
    expect(steps.map((s) => [s.name, s.ok, s.ok ? '' : s.detail]).filter((s) => !s[1])).toEqual([]);
    expect(steps).toHaveLength(5);
    expect(readdirSync(out).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(6);
    const summary = readFileSync(path.join(out, 'summary.md'), 'utf8');
    expect(summary).toContain('| 최예린 |');
    expect(summary).toMatch(/\| 조은우 \| skipped \|.*수신/);
  });
});
