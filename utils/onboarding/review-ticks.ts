import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { TICK_STEPS, type TickStep, type Ticks } from './review-checklist';

// LOCAL ASSUMPTION until the protocol grows these checklist steps (proposed: `checklist.mark` accepting
// bizAppAt / appIdentityAt / optInPageAt and a `done: false` to clear). Until then the options page keeps
// the operator's own ticks in storage.local; swap these two functions for callBackground when it lands.

const TicksSchema = z.object(Object.fromEntries(TICK_STEPS.map((s) => [s, z.number().optional()])) as Record<TickStep, z.ZodOptional<z.ZodNumber>>);
export const TICKS_KEY = 'local:reviewTicks';
const item = storage.defineItem<unknown>(TICKS_KEY, { fallback: {} });

export async function getTicks(): Promise<Ticks> {
  const parsed = TicksSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : {};
}

export async function setTick(step: TickStep, done: boolean, now = Date.now()): Promise<Ticks> {
  const next: Ticks = { ...(await getTicks()) };
  if (done) next[step] = now;
  else delete next[step];
  await item.setValue(next);
  return next;
}

export async function clearTicks(): Promise<void> {
  await item.removeValue();
}
