import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';
import { getSettings, saveSettings } from '@/utils/background/storage/settings-store';
import { pruneHistory } from '@/utils/background/storage/history';

/** settings.*: the operator's settings, and the Kakao client secret (kept sealed by the Kakao service). */
export function createSettingsHandlers(kakao: KakaoService): Handlers {
  return {
    'settings.get': () => getSettings(),
    'settings.save': async ({ settings }) => {
      const saved = await saveSettings(settings);
      await pruneHistory(saved.historyRetentionDays); // a shorter retention applies at once
      return saved;
    },
    'settings.setClientSecret': async ({ secret }) => {
      await kakao.setClientSecret(secret);
      return { ok: true };
    },
  };
}
