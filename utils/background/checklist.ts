import { storage } from 'wxt/utils/storage';
import { ChecklistSchema } from '@/utils/messaging/wire';
import type { z } from 'zod';

type Checklist = z.infer<typeof ChecklistSchema>;
const item = storage.defineItem<unknown>('local:reviewChecklist', { fallback: {}, version: 1 });

export async function getChecklist(): Promise<Checklist> {
  const parsed = ChecklistSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : {};
}

export async function markChecklist(step: keyof Checklist, now = Date.now()): Promise<Checklist> {
  const next = { ...(await getChecklist()), [step]: now };
  await item.setValue(next);
  return next;
}
