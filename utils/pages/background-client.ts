import { browser } from 'wxt/browser';
import type { Input, MessageType, Output } from '@/utils/shared/protocol';
import { readReply } from '@/utils/shared/reply';

/** Calls the background through the typed map; the reply is validated here too. */
export async function callBackground<T extends MessageType>(type: T, input: Input<T>): Promise<Output<T>> {
  // The message map (hundreds of zod schemas) loads on the first call, not with the page.
  const [{ protocol }, raw] = await Promise.all([
    import('@/utils/shared/protocol'),
    browser.runtime.sendMessage({ type, input }),
  ]);
  return readReply(protocol[type].output, raw) as Output<T>;
}
