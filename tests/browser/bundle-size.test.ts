import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD } from '../support/chromium';

// Each store's content script loads on every admin page the operator opens: the budget is 30 kB
// minified. `npm run bench` prints the figure; this keeps a change from quietly growing past it.
// The described admin's script too (it also checks its configuration, in the lean schema of
// content/stores/custom-config.ts). What keeps them there: a slim content-script context and terser over the
// finished scripts (wxt.config.ts), zod/mini's few building blocks only.
const BUDGET: Record<string, number> = {
  smartstore: 30_000,
  cafe24: 30_000,
  godomall: 30_000,
  'custom-admin': 30_000,
};
describe('content script size (production build)', () => {
  for (const [name, budget] of Object.entries(BUDGET)) {
    it(`${name}.js is at most ${budget.toLocaleString('en')} bytes`, () => {
      const bytes = statSync(`${CHROME_BUILD}/content-scripts/${name}.js`).size;
      expect(bytes).toBeLessThanOrEqual(budget);
    });
  }
});

// The popup paints from its cache within 50 ms of a static page (`npm run bench`) because it loads
// one small chunk, no classic zod, and no stylesheet request. These keep a change from quietly undoing that.
describe('popup first-paint budget (production build)', () => {
  const html = readFileSync(`${CHROME_BUILD}/popup.html`, 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);

  it('popup.html has its styles inline and loads one script', () => {
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(scripts).toHaveLength(1);
  });

  it('that script imports nothing else, is at most 60,000 bytes and carries no classic zod', () => {
    const code = readFileSync(`${CHROME_BUILD}/${scripts[0]}`, 'utf8');
    expect(code.length).toBeLessThanOrEqual(60_000);
    expect(code).not.toMatch(/\bfrom\s*["']\.\//);
    // Classic zod's string formats; zod/mini's core would only carry them if something imported classic zod.
    expect(code).not.toContain('$ZodUUID');
  });
});
