import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD } from '../support/chromium';

// Each store's content script loads on every admin page the operator opens: issue #5 caps it at 30 kB
// minified. `npm run bench` prints the figure; this keeps a change from quietly growing past it.
describe('content script size (production build)', () => {
  for (const name of ['smartstore', 'cafe24', 'godomall']) {
    it(`${name}.js is at most 30,000 bytes`, () => {
      const bytes = statSync(`${CHROME_BUILD}/content-scripts/${name}.js`).size;
      expect(bytes).toBeLessThanOrEqual(30_000);
    });
  }
});
