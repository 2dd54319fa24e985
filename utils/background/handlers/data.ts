import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Handlers } from '@/utils/background/server';
import { SettingsSchema } from '@/utils/shared/settings-schema';
import { getSettings, saveSettings } from '@/utils/background/storage/settings-store';
import { eraseLinks, exportLinks, importLinks } from '@/utils/background/storage/links';
import { eraseHistory, exportHistory, importHistory } from '@/utils/background/storage/history';
import { getReviewProgress } from '@/utils/background/storage/review-progress';

// One JSON file with everything the operator built up — never tokens or the client secret.
const BackupSchema = z.object({
  format: z.literal('ordertalk-backup'),
  version: z.literal(1),
  exportedAt: z.number(),
  settings: SettingsSchema,
  links: z.unknown(),
  history: z.array(z.unknown()).max(200_000),
});

function invalid(detail: string) {
  return Object.assign(new Error('invalid backup'), {
    code: 'invalid-file',
    ko: `백업 파일이 올바르지 않아요: ${detail}`,
    en: `Invalid backup file: ${detail}`,
  });
}

/** data.*: the operator's backup file, and erasing everything. */
export function createDataHandlers(): Handlers {
  return {
    'data.export': async () => {
      const backup = {
        format: 'ordertalk-backup',
        version: 1,
        exportedAt: Date.now(),
        settings: await getSettings(),
        links: await exportLinks(),
        history: await exportHistory(),
        // The review progress, under the key backup files have always used.
        checklist: await getReviewProgress(),
      };
      return { json: JSON.stringify(backup, null, 2) };
    },
    'data.import': async ({ json, apply }) => {
      let raw: unknown;
      try {
        raw = JSON.parse(json);
      } catch {
        throw invalid('JSON');
      }
      const parsed = BackupSchema.safeParse(raw);
      if (!parsed.success) throw invalid(parsed.error.issues[0]?.path.join('.') || 'format');
      const links = await importLinks(parsed.data.links, apply);
      const history = await importHistory(parsed.data.history, apply);
      if (apply) await saveSettings(parsed.data.settings);
      return { summary: { settings: 1, links: links.links, history } };
    },
    'data.erase': async () => {
      await browser.storage.local.clear();
      await browser.storage.session.clear();
      // History and links live in IndexedDB, which clearing storage does not reach.
      await Promise.all([eraseHistory(), eraseLinks()]);
      return { ok: true };
    },
  };
}
