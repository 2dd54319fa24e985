import { browser } from 'wxt/browser';
import { protocol, ReplySchema, type Input, type MessageType, type Output, type WireError } from './protocol';

export class BackgroundError extends Error {
  constructor(readonly wire: WireError) {
    super(`${wire.code}: ${wire.en}`);
  }
}

/** Calls the background through the typed map; the reply is validated here too. */
export async function callBackground<T extends MessageType>(type: T, input: Input<T>): Promise<Output<T>> {
  const raw = await browser.runtime.sendMessage({ type, input });
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new BackgroundError(reply.error);
  return protocol[type].output.parse(reply.value) as Output<T>;
}
