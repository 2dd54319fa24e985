import { KakaoError } from './errors';
import { SendResponseSchema, type TemplateObject } from './schemas';
import type { Session } from './session';

/** Kakao's friends message API takes at most 5 receiver_uuids a request (-2 otherwise): https://developers.kakao.com/docs/latest/ko/kakaotalk-message/rest-api */
export const MAX_RECEIVERS = 5;
const CONCURRENCY = 2;

export type RecipientResult =
  { uuid: string; status: 'sent' } | { uuid: string; status: 'failed' | 'unknown'; error: KakaoError };

export type Payload =
  { templateObject: TemplateObject } | { templateId: number; templateArgs?: Record<string, string> };

export function chunk<T>(items: T[], size = MAX_RECEIVERS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function sendChunk(session: Session, uuids: string[], payload: Payload): Promise<RecipientResult[]> {
  const custom = 'templateId' in payload;
  const form: Record<string, string> = { receiver_uuids: JSON.stringify(uuids) };
  if (custom) {
    form.template_id = String(payload.templateId);
    if (payload.templateArgs) form.template_args = JSON.stringify(payload.templateArgs);
  } else form.template_object = JSON.stringify(payload.templateObject);
  let raw: unknown;
  try {
    raw = await session.call(
      custom ? '/v1/api/talk/friends/message/send' : '/v1/api/talk/friends/message/default/send',
      { method: 'POST', form },
      'send',
    );
  } catch (error) {
    const err = error instanceof KakaoError ? error : new KakaoError('unknown-outcome');
    const status = err.code === 'unknown-outcome' ? 'unknown' : 'failed';
    return uuids.map((uuid) => ({ uuid, status, error: err }));
  }
  const parsed = SendResponseSchema.safeParse(raw);
  if (!parsed.success)
    return uuids.map((uuid) => ({ uuid, status: 'unknown', error: new KakaoError('unknown-outcome') }));
  const failed = new Map<string, KakaoError>();
  const undecided = new Map<string, KakaoError>();
  for (const f of parsed.data.failures)
    for (const u of f.receiver_uuids) {
      // -603 (internal timeout) for a receiver does not say it was not delivered.
      if (f.code === -603) undecided.set(u, new KakaoError('-603', 200, f.msg ?? ''));
      else failed.set(u, new KakaoError(String(f.code), 200, f.msg ?? ''));
    }
  return uuids.map((uuid): RecipientResult => {
    if (parsed.data.successful.includes(uuid)) return { uuid, status: 'sent' };
    const error = failed.get(uuid);
    // Named in neither list (or only with -603): Kakao said nothing clear, so it may or may not have arrived.
    return error
      ? { uuid, status: 'failed', error }
      : { uuid, status: 'unknown', error: undecided.get(uuid) ?? new KakaoError('unknown-outcome') };
  });
}

/** One identical message to many friends: ⌈n/5⌉ requests, at most CONCURRENCY in flight, a result per uuid. */
export async function sendToFriends(session: Session, uuids: string[], payload: Payload): Promise<RecipientResult[]> {
  const unique = [...new Set(uuids)];
  const chunks = chunk(unique);
  const results: RecipientResult[][] = new Array(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const i = next++;
      results[i] = await sendChunk(session, chunks[i]!, payload);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, chunks.length) }, worker));
  return results.flat();
}
