import '@/utils/zod-setup';
import { listen } from '@/utils/messaging/server';
import { createBaseHandlers } from '@/utils/background/handlers';
import { createBackgroundKakao, createKakaoHandlers } from '@/utils/background/kakao-handlers';
import { createComposeService } from '@/utils/background/compose-service';
import { createComposeHandlers } from '@/utils/background/compose-handlers';
import { createDataHandlers } from '@/utils/background/data-handlers';
import { recoverInterrupted, pruneHistory } from '@/utils/compose/history';
import { getSettings } from '@/utils/settings/store';

export default defineBackground(() => {
  const kakao = createBackgroundKakao();
  const compose = createComposeService(kakao);
  // Registered synchronously: a restarted service worker only wakes for listeners from its first run.
  listen({ ...createBaseHandlers(), ...createKakaoHandlers(kakao), ...createComposeHandlers(compose, kakao), ...createDataHandlers() });
  // A worker starting fresh has nothing in flight: pending sends were cut off and need checking, not resending.
  void recoverInterrupted();
  void getSettings().then((s) => pruneHistory(s.historyRetentionDays));
});
