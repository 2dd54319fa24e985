import { storage } from 'wxt/utils/storage';
import { z } from 'zod';

// Kakao's daily caps (docs/reference/kakao-api.md §6), counted here so the UI shows what is left before Kakao refuses.
export const DAILY = { sender: 100, receiver: 100, pair: 20 } as const;

import { seoulDay } from '@/utils/shared/seoul-day';
import { KAKAO_QUOTA } from '@/utils/shared/storage-keys';
export { seoulDay };

const CountsSchema = z.record(z.string(), z.record(z.string(), z.number().int().min(0)));
const item = storage.defineItem<unknown>(KAKAO_QUOTA.key, { fallback: {} });

async function read(): Promise<z.infer<typeof CountsSchema>> {
  const parsed = CountsSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : {};
}

export interface QuotaLeft {
  day: string;
  senderLeft: number;
  receiverLeft?: number;
  pairLeft?: number;
}

/**
 * Counts are per sender account; a receiver is known to us only by its friend uuid, so the receiver cap
 * counts what this operator sent (Kakao's real count can be higher — others may message them too).
 */
export function createQuota(now: () => number = Date.now) {
  let chain: Promise<unknown> = Promise.resolve();
  return {
    async record(senderId: number, receiverUuid: string): Promise<void> {
      const run = chain.then(async () => {
        const day = seoulDay(now());
        const all = await read();
        // Only today's counts matter; older days are dropped.
        const today = { ...(all[day] ?? {}) };
        for (const k of [`s:${senderId}`, `r:${receiverUuid}`, `p:${senderId}:${receiverUuid}`])
          today[k] = (today[k] ?? 0) + 1;
        await item.setValue({ [day]: today });
      });
      chain = run.catch(() => undefined);
      return run;
    },
    async left(senderId: number, receiverUuid?: string): Promise<QuotaLeft> {
      const day = seoulDay(now());
      const today = (await read())[day] ?? {};
      const used = (k: string) => today[k] ?? 0;
      return {
        day,
        senderLeft: Math.max(0, DAILY.sender - used(`s:${senderId}`)),
        ...(receiverUuid && {
          receiverLeft: Math.max(0, DAILY.receiver - used(`r:${receiverUuid}`)),
          pairLeft: Math.max(0, DAILY.pair - used(`p:${senderId}:${receiverUuid}`)),
        }),
      };
    },
  };
}
export type Quota = ReturnType<typeof createQuota>;
