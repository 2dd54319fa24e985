import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { ALIMTALK_TEMPLATES } from '@/utils/shared/storage-keys';

// The channel's AlimTalk templates as last synced from SOLAPI. Compose reads them from here, so opening a window
// costs no SOLAPI request; options syncs them again on request ("템플릿 불러오기").

export const SyncedTemplateSchema = z.object({
  templateId: z.string().max(64),
  name: z.string().max(200),
  content: z.string().max(2000),
  status: z.string().max(30),
  /** In SOLAPI's sendable list at the last sync (approved, not dormant or hidden). */
  sendable: z.boolean(),
  buttons: z
    .array(z.object({ name: z.string().max(50), type: z.string().max(10), url: z.string().max(1000).optional() }))
    .max(5),
});
export type SyncedTemplate = z.infer<typeof SyncedTemplateSchema>;

const SyncedSchema = z.object({
  channelId: z.string(),
  syncedAt: z.number(),
  templates: z.array(SyncedTemplateSchema).max(500),
});
export type Synced = z.infer<typeof SyncedSchema>;

const item = storage.defineItem<unknown>(ALIMTALK_TEMPLATES.key, {
  fallback: null,
  version: ALIMTALK_TEMPLATES.version,
});

export async function getSyncedTemplates(): Promise<Synced | null> {
  const parsed = SyncedSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : null;
}

export async function saveSyncedTemplates(synced: Synced): Promise<void> {
  await item.setValue(SyncedSchema.parse(synced));
}

export async function clearSyncedTemplates(): Promise<void> {
  await item.removeValue();
}
