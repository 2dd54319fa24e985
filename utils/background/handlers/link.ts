import type { Handlers } from '@/utils/background/server';
import type { SendService } from '@/utils/background/sending/send-service';

/** link.*: which Kakao friend an order's customer is. */
export function createLinkHandlers(sending: SendService): Handlers {
  return {
    'link.suggest': async ({ order, query }) => ({ friends: await sending.suggest(order, query) }),
    'link.set': async ({ order, friendUuid }) => {
      await sending.link(order, friendUuid);
      return { ok: true };
    },
    'link.remove': async ({ order }) => {
      await sending.unlink(order);
      return { ok: true };
    },
  };
}
