import * as z from 'zod/mini';
import { BackgroundError } from './background-error';

// The envelope every message and reply travels in, in zod/mini: the popup checks its replies with these
// without loading the full message map (classic zod) before its first paint. protocol.ts re-exports them.

/** Errors cross the boundary as data, in both languages, never as thrown strings. */
export const WireErrorSchema = z.object({
  code: z.string(),
  ko: z.string(),
  en: z.string(),
  fixKo: z.optional(z.string()),
  fixEn: z.optional(z.string()),
  action: z.optional(z.string()),
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type WireError = z.infer<typeof WireErrorSchema>;

export const EnvelopeSchema = z.object({ type: z.string(), input: z.unknown() });
export const ReplySchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);

/** A reply's value checked against the message's output schema; a refusal becomes a BackgroundError. */
export function readReply<S extends { parse(value: unknown): unknown }>(
  output: S,
  raw: unknown,
): ReturnType<S['parse']> {
  const reply = ReplySchema.parse(raw);
  if (!reply.ok) throw new BackgroundError(reply.error);
  return output.parse(reply.value) as ReturnType<S['parse']>;
}
