import { browser } from 'wxt/browser';
import { ROW_STATUS_CHANGED } from '@/utils/shared/row-status';
import type { SendService } from '@/utils/background/sending/send-service';

/**
 * Tells every open tab that rows' badges may have changed; the order pages' content scripts (every frame) ask
 * for their rows' statuses again. No tabs permission needed: tabs without our script just do not answer.
 */
export async function broadcastRowStatus(): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, { type: ROW_STATUS_CHANGED }).catch(() => undefined),
    ),
  );
}

/**
 * The send service, telling the order tabs whenever a link, an unlink or a send ends (succeeded or not: a
 * failed send can still have recorded outcomes), so their badges are true without a reload.
 */
export function withRowStatusBroadcast(sending: SendService): SendService {
  const thenTell =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } finally {
        void broadcastRowStatus();
      }
    };
  return { ...sending, send: thenTell(sending.send), link: thenTell(sending.link), unlink: thenTell(sending.unlink) };
}
