import '@/utils/zod-setup';
import { listen } from '@/utils/messaging/server';
import { createBaseHandlers } from '@/utils/background/handlers';
import { createBackgroundKakao, createKakaoHandlers } from '@/utils/background/kakao-handlers';
import { createComposeService } from '@/utils/background/compose-service';
import { createComposeHandlers } from '@/utils/background/compose-handlers';
import { createDataHandlers } from '@/utils/background/data-handlers';
import { createCustomAdminHandlers } from '@/utils/background/custom-preview';
import { createPopupHandlers, popupSourcesFrom } from '@/utils/background/popup-state';
import { recoverInterrupted, pruneHistory } from '@/utils/compose/history';
import { getSettings, watchSettings } from '@/utils/settings/store';
import { syncCustomScripts } from '@/utils/background/custom-scripts';

export default defineBackground(() => {
  const kakao = createBackgroundKakao();
  const compose = createComposeService(kakao);
  // Registered synchronously: a restarted service worker only wakes for listeners from its first run.
  listen({ ...createBaseHandlers(), ...createKakaoHandlers(kakao), ...createComposeHandlers(compose, kakao), ...createDataHandlers(), ...createCustomAdminHandlers(), ...createPopupHandlers(popupSourcesFrom(kakao)) });
  // A worker starting fresh has nothing in flight: pending sends were cut off and need checking, not resending.
  void recoverInterrupted();
  void getSettings().then((s) => pruneHistory(s.historyRetentionDays));
  void getSettings().then((s) => syncCustomScripts(s.customAdmins)).catch(() => undefined);
  watchSettings((s) => void syncCustomScripts(s.customAdmins).catch(() => undefined));
  browser.permissions.onAdded.addListener(() => void getSettings().then((s) => syncCustomScripts(s.customAdmins)).catch(() => undefined));
});
