import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';
import { getSettings, updateSettings } from '@/utils/background/storage/settings-store';
import { applySettingsPatch } from '@/utils/shared/settings-schema';
import { pruneHistory } from '@/utils/background/storage/history';

/** settings.*: the operator's settings, and the Kakao client secret (kept sealed by the Kakao service). */
export function createSettingsHandlers(kakao: KakaoService): Handlers {
  return {
    'settings.get': () => getSettings(),
    // A patch onto what is stored now, not a whole copy: another screen's save in between is kept.
    'settings.save': async ({ patch }) => {
      const saved = await updateSettings((current) => applySettingsPatch(current, patch));
      await pruneHistory(saved.historyRetentionDays); // a shorter retention applies at once
      return saved;
    },
    'settings.setClientSecret': async ({ secret }) => {
      await kakao.setClientSecret(secret);
      return { ok: true };
    },
  };
}
