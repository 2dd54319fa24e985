import type { Handlers } from '@/utils/background/server';
import { getSettings, saveSettings } from '@/utils/background/storage/settings-store';
import { pruneHistory } from '@/utils/background/storage/history';
import { createComposeSession, getComposeSession, openComposeWindow } from '@/utils/background/compose-window';
import { getChecklist, markChecklist } from '@/utils/background/storage/review-progress';

/** Requests that need no Kakao: settings, the review checklist, compose windows. */
export function createBaseHandlers(): Handlers {
  return {
    ping: async () => ({ ok: true }),
    'settings.get': () => getSettings(),
    'settings.save': async ({ settings }) => {
      const saved = await saveSettings(settings);
      await pruneHistory(saved.historyRetentionDays); // a shorter retention applies at once
      return saved;
    },
    'checklist.get': () => getChecklist(),
    'checklist.mark': ({ step, done }) => markChecklist(step, done ?? true),
    'compose.open': async ({ orders }) => {
      const id = await createComposeSession(orders);
      await openComposeWindow(id, orders.length);
      return { ok: true };
    },
  };
}

export { getComposeSession };
