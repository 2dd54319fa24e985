import { storage } from 'wxt/utils/storage';
import { ChecklistSchema } from '@/utils/messaging/wire';
import type { z } from 'zod';

type Checklist = z.infer<typeof ChecklistSchema>;
const item = storage.defineItem<unknown>('local:reviewChecklist', { fallback: {}, version: 1 });
// Before the background kept them, the options page stored the operator's own ticks here.
const legacyTicks = storage.defineItem<unknown>('local:reviewTicks', { fallback: null });
const LegacyTicksSchema = ChecklistSchema.pick({ bizAppAt: true, appIdentityAt: true, optInPageAt: true });

export async function getChecklist(): Promise<Checklist> {
  const parsed = ChecklistSchema.safeParse(await item.getValue());
  const checklist = parsed.success ? parsed.data : {};
  const legacy = await legacyTicks.getValue();
  if (legacy === null) return checklist;
  // One-time move of the old page-kept ticks into the checklist; a tick already here wins.
  const ticks = LegacyTicksSchema.safeParse(legacy);
  const merged = { ...(ticks.success ? ticks.data : {}), ...checklist };
  await item.setValue(merged);
  await legacyTicks.removeValue();
  return merged;
}

/** Records when a step passed; `done: false` clears it (an operator-ticked item unticked). */
export async function markChecklist(step: keyof Checklist, done = true, now = Date.now()): Promise<Checklist> {
  const next: Checklist = { ...(await getChecklist()) };
  if (done) next[step] = now;
  else delete next[step];
  await item.setValue(next);
  return next;
}
