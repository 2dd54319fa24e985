import { browser } from 'wxt/browser';
import { originPattern, type CustomAdmin } from '@/utils/shared/custom-admin';

const SCRIPT_ID = 'ordertalk-custom-admin';

/**
 * Registers the custom-admin content script for the admins whose site permission the operator granted;
 * runs at start and whenever settings change. Without permission a site simply gets no buttons.
 */
export async function syncCustomScripts(admins: CustomAdmin[]): Promise<string[]> {
  const granted: string[] = [];
  for (const a of admins) {
    if (await browser.permissions.contains({ origins: [originPattern(a.urlPattern)] })) granted.push(a.urlPattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length) {
    await browser.scripting.registerContentScripts([
      {
        id: SCRIPT_ID,
        matches: granted,
        js: ['content-scripts/custom-admin.js'],
        allFrames: true,
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return granted;
}
