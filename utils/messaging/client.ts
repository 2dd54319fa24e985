import { browser } from 'wxt/browser';
import type { Input, MessageType, Output } from './protocol';
import { BackgroundError } from './background-error';

export { BackgroundError };

/** Calls the background through the typed map; the reply is validated here too. */
export async function callBackground<T extends MessageType>(type: T, input: Input<T>): Promise<Output<T>> {
  // The message map (hundreds of zod schemas) loads on the first call, not with the page: the popup paints
  // from its cache before it needs any of it.
  const [{ protocol, ReplySchema }, raw] = await Promise.all([import('./protocol'), browser.runtime.sendMessage({ type, input })]);
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new BackgroundError(reply.error);
  return protocol[type].output.parse(reply.value) as Output<T>;
}
