import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame } from 'playwright-core';
import { launchExtension, type ExtensionBrowser } from '../support/chromium';
import { startSiteServer, type SiteServer } from '../support/site-server';

// The row control read in English (Chromium's UI language en-US) and on a dark admin theme
// (tests/fixtures/sites/sell.smartstore.naver.com/fixture-grid.js, dark=1): its mark keeps a contrast of at least
// 4.5:1 (WCAG 2.2, https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), computed here from the computed styles.

/** Relative luminance of a computed `rgb(r, g, b)` colour (https://www.w3.org/TR/WCAG22/#dfn-relative-luminance). */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** The first row's control: its glyph, button, status dot and the dot's ring, and the cell behind it. */
async function colours(frame: Frame) {
  return frame.evaluate(() => {
    const host = document.querySelector('ordertalk-row')!;
    const shadow = host.shadowRoot!;
    const button = shadow.querySelector('button')!;
    const dot = shadow.querySelector<HTMLElement>('[data-testid="ordertalk-status"]')!;
    const cs = (e: Element) => getComputedStyle(e);
    return {
      glyph: cs(shadow.querySelector('svg')!).fill,
      button: cs(button).backgroundColor,
      dot: dot.hidden ? undefined : cs(dot).backgroundColor,
      // The dot's ring: box-shadow "rgb(…) 0px 0px 0px 2px".
      ring: /rgba?\([^)]*\)/.exec(cs(dot).boxShadow)?.[0],
      cell: cs(host.closest('td')!).backgroundColor,
      label: button.getAttribute('aria-label'),
      title: button.title,
      status: dot.textContent,
    };
  });
}

describe('the row control in English and on a dark admin theme (real Chrome build)', () => {
  let site: SiteServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    site = await startSiteServer(['sell.smartstore.naver.com']);
    ext = await launchExtension({ 'sell.smartstore.naver.com': site.port }, { locale: 'en-US' });
  });
  afterAll(async () => {
    await ext?.close();
    await site?.close();
  });

  for (const theme of ['light', 'dark'] as const)
    it(`reads in English and keeps its mark at ≥ 4.5:1 on the ${theme} theme`, async () => {
      const page = await ext.context.newPage();
      await page.goto(`https://sell.smartstore.naver.com/o/v3/manage/order${theme === 'dark' ? '?dark=1' : ''}`);
      const frame = page.mainFrame();
      await expect.poll(() => frame.locator('ordertalk-row').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      // The badge comes from the background (no Kakao sign-in: no customer is linked yet).
      await expect.poll(async () => (await colours(frame)).dot, { timeout: 10_000 }).toBeDefined();
      const c = await colours(frame);
      expect(c.label).toBe('Notify via KakaoTalk');
      expect(c.status).toBe('Link a friend');
      expect(c.title).toBe('Notify via KakaoTalk · Link a friend'); // the hover text
      expect(await frame.getByRole('button', { name: 'Notify via KakaoTalk' }).count()).toBeGreaterThan(0);
      if (theme === 'dark') expect(luminance(c.cell)).toBeLessThan(0.05); // the fixture's theme is on
      expect(contrast(c.glyph, c.button)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c.dot!, c.ring!)).toBeGreaterThanOrEqual(4.5);
      // The button against the cell: a component, 3:1 (https://www.w3.org/TR/WCAG22/#non-text-contrast); on a light
      // cell its own inset edge (box-shadow) outlines it.
      if (theme === 'dark') expect(contrast(c.button, c.cell)).toBeGreaterThanOrEqual(3);
      await page.close();
    });
});
