import '@/utils/zod-setup';
import { listen } from '@/utils/messaging/server';
import { createBaseHandlers } from '@/utils/background/handlers';

export default defineBackground(() => {
  // Registered synchronously: a restarted service worker only wakes for listeners from its first run.
  listen({ ...createBaseHandlers() });
});
