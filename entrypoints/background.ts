import '@/utils/zod-setup';
import { listen } from '@/utils/messaging/server';

export default defineBackground(() => {
  listen({
    ping: async () => ({ ok: true }),
  });
});
