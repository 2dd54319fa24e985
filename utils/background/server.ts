import { browser, type Browser } from 'wxt/browser';
import { protocol, type Caller, type MessageType, type Output } from '@/utils/shared/protocol';
import { EnvelopeSchema, type WireError } from '@/utils/shared/reply';

export type Handlers = {
  [T in MessageType]?: (
    input: import('zod').output<(typeof protocol)[T]['input']>,
    meta: { caller: Caller; sender: Browser.runtime.MessageSender },
  ) => Promise<Output<T>>;
};

/** Who is calling: this extension's own pages, or a content script running inside a web page. */
export function callerOf(sender: Browser.runtime.MessageSender): Caller | null {
  if (sender.id !== browser.runtime.id) return null;
  const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
  const url = sender.url ?? '';
  const origin = sender.origin ?? (url ? new URL(url).origin : '');
  return origin === extensionOrigin ? 'page' : 'content';
}

function wireError(code: string, ko: string, en: string): WireError {
  return { code, ko, en };
}

export function toWireError(error: unknown): WireError {
  if (error && typeof error === 'object' && 'wire' in error) return (error as { wire: WireError }).wire;
  if (error && typeof error === 'object' && 'ko' in error && 'en' in error && 'code' in error) {
    const e = error as WireError;
    return { code: String(e.code), ko: e.ko, en: e.en, fixKo: e.fixKo, fixEn: e.fixEn, action: e.action, data: e.data };
  }
  const message = error instanceof Error ? error.message : String(error);
  return wireError('internal', `처리 중 오류가 발생했어요: ${message}`, `Something went wrong: ${message}`);
}

/**
 * Validates envelope, caller and input before any handler runs; a message from elsewhere, of an unknown
 * type, or from a context not allowed to send it gets a specific error and touches nothing.
 */
export async function dispatch(
  handlers: Handlers,
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<{ ok: true; value: unknown } | { ok: false; error: WireError }> {
  const caller = callerOf(sender);
  if (!caller)
    return {
      ok: false,
      error: wireError(
        'forbidden',
        '다른 확장 프로그램의 요청은 받지 않아요.',
        'Requests from other extensions are refused.',
      ),
    };
  const envelope = EnvelopeSchema.safeParse(message);
  if (!envelope.success || !Object.hasOwn(protocol, envelope.data.type)) {
    // Own keys only: `in` would take inherited names such as 'toString' or '__proto__' as message types.
    return { ok: false, error: wireError('unknown-message', '알 수 없는 요청이에요.', 'Unknown request.') };
  }
  const type = envelope.data.type as MessageType;
  const entry = protocol[type];
  if (!(entry.callers as readonly Caller[]).includes(caller)) {
    return {
      ok: false,
      error: wireError(
        'forbidden',
        '이 화면에서는 할 수 없는 요청이에요.',
        'This request is not allowed from this context.',
      ),
    };
  }
  const input = entry.input.safeParse(envelope.data.input);
  if (!input.success) {
    return {
      ok: false,
      error: wireError(
        'invalid-input',
        `요청 내용이 올바르지 않아요: ${input.error.issues[0]?.message ?? ''}`,
        `Invalid request: ${input.error.issues[0]?.message ?? ''}`,
      ),
    };
  }
  const handler = (Object.hasOwn(handlers, type) ? handlers[type] : undefined) as
    ((i: unknown, m: unknown) => Promise<unknown>) | undefined;
  if (!handler)
    return { ok: false, error: wireError('unavailable', '아직 준비되지 않은 기능이에요.', 'Not available yet.') };
  try {
    const value = await handler(input.data, { caller, sender });
    return { ok: true, value: entry.output.parse(value) };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/** Registers the listener synchronously (MV3 service workers only wake for listeners from their first run). */
export function listen(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Browser.runtime.MessageSender) =>
    dispatch(handlers, message, sender),
  );
}
