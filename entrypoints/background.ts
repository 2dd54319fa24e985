import '@/utils/zod-setup';
import { listen } from '@/utils/messaging/server';
import { createBaseHandlers } from '@/utils/background/handlers';
import { createBackgroundKakao, createKakaoHandlers } from '@/utils/background/kakao-handlers';

export default defineBackground(() => {
  const kakao = createBackgroundKakao();
  // Registered synchronously: a restarted service worker only wakes for listeners from its first run.
  listen({ ...createBaseHandlers(), ...createKakaoHandlers(kakao) });
});
