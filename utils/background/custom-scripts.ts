import { browser } from 'wxt/browser';
import { matchPatternProblem, originPattern, type CustomAdmin } from '@/utils/shared/custom-admin';

const SCRIPT_PREFIX = 'ordertalk-custom-admin';

export type CustomScriptsResult = { granted: string[]; rejected: { urlPattern: string; reason: string }[] };

/**
 * Registers the custom-admin content script for the admins whose site permission the operator granted;
 * runs at start and whenever settings change. Without permission a site simply gets no buttons. One
 * registration per admin, so a pattern the browser refuses leaves every other admin its buttons.
 */
export async function syncCustomScripts(admins: CustomAdmin[]): Promise<CustomScriptsResult> {
  const result: CustomScriptsResult = { granted: [], rejected: [] };
  const existing = await browser.scripting.getRegisteredContentScripts();
  const ours = existing.map((s) => s.id).filter((id) => id.startsWith(SCRIPT_PREFIX));
  if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
  for (const [i, a] of admins.entries()) {
    const problem = matchPatternProblem(a.urlPattern);
    if (problem) {
      result.rejected.push({ urlPattern: a.urlPattern, reason: problem });
      continue;
    }
    try {
      if (!(await browser.permissions.contains({ origins: [originPattern(a.urlPattern)] }))) continue;
      await browser.scripting.registerContentScripts([
        {
          id: `${SCRIPT_PREFIX}-${i}`,
          matches: [a.urlPattern],
          js: ['content-scripts/custom-admin.js'],
          allFrames: true,
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
      result.granted.push(a.urlPattern);
    } catch (error) {
      result.rejected.push({
        urlPattern: a.urlPattern,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return result;
}
