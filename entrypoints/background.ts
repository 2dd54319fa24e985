import '@/utils/shared/zod-setup';
import { listen } from '@/utils/background/server';
import { createBaseHandlers } from '@/utils/background/handlers/base';
import { createKakaoHandlers } from '@/utils/background/handlers/kakao';
import { createBackgroundKakao } from '@/utils/background/kakao/background-kakao';
import { createSendService } from '@/utils/background/sending/send-service';
import { createComposeHandlers } from '@/utils/background/handlers/compose';
import { createDataHandlers } from '@/utils/background/handlers/data';
import { createCustomAdminHandlers } from '@/utils/background/handlers/custom';
import { createPopupHandlers, popupSourcesFrom } from '@/utils/background/handlers/popup';
import { recoverInterrupted, pruneHistory } from '@/utils/background/storage/history';
import { getSettings, watchSettings } from '@/utils/background/storage/settings-store';
import { syncCustomScripts } from '@/utils/background/custom-scripts';

export default defineBackground(() => {
  const kakao = createBackgroundKakao();
  const compose = createSendService(kakao);
  // Registered synchronously: a restarted service worker only wakes for listeners from its first run.
  listen({
    ...createBaseHandlers(),
    ...createKakaoHandlers(kakao),
    ...createComposeHandlers(compose, kakao),
    ...createDataHandlers(),
    ...createCustomAdminHandlers(),
    ...createPopupHandlers(popupSourcesFrom(kakao)),
  });
  // A worker starting fresh has nothing in flight: pending sends were cut off and need checking, not resending.
  void recoverInterrupted();
  void getSettings().then((s) => pruneHistory(s.historyRetentionDays));
  void getSettings()
    .then((s) => syncCustomScripts(s.customAdmins))
    .catch(() => undefined);
  watchSettings((s) => void syncCustomScripts(s.customAdmins).catch(() => undefined));
  browser.permissions.onAdded.addListener(
    () =>
      void getSettings()
        .then((s) => syncCustomScripts(s.customAdmins))
        .catch(() => undefined),
  );
});
