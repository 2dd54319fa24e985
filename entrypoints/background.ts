import '@/utils/shared/zod-setup';
import { listen } from '@/utils/background/server';
import { createHandlers } from '@/utils/background/handlers';
import { createBackgroundKakao } from '@/utils/background/kakao/background-kakao';
import { createSendService } from '@/utils/background/sending/send-service';
import { recoverInterrupted, pruneHistory } from '@/utils/background/storage/history';
import { getSettings, watchSettings } from '@/utils/background/storage/settings-store';
import { syncCustomScripts } from '@/utils/background/custom-scripts';
import { withRowStatusBroadcast } from '@/utils/background/row-status-broadcast';
import { openWizardOnFirstInstall } from '@/utils/background/first-install';
import { createBackgroundAlimtalk } from '@/utils/background/alimtalk/background-alimtalk';

export default defineBackground(() => {
  const kakao = createBackgroundKakao();
  const alimtalk = createBackgroundAlimtalk();
  // Links, unlinks and sends tell the open order tabs, whose badges then ask again.
  const sending = withRowStatusBroadcast(createSendService(kakao, Date.now, alimtalk.channel));
  // Registered synchronously: a restarted service worker only wakes for listeners from its first run.
  listen(createHandlers({ kakao, sending, alimtalk }));
  openWizardOnFirstInstall();
  // A worker starting fresh has nothing in flight: pending sends were cut off and need checking, not resending.
  // AlimTalk group sends cut off are then settled by asking SOLAPI, and open deliveries are asked once more.
  void recoverInterrupted()
    .then(() => alimtalk.channel.recover())
    .then(() => getSettings())
    .then((s) => (s.alimtalk.enabled ? alimtalk.channel.poll(s) : undefined))
    .catch(() => undefined);
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
