import '@/utils/zod-setup';
import { storage } from 'wxt/utils/storage';
import { SettingsSchema } from '@/utils/settings/schema';
import { createCustomLocator, matchesPattern } from '@/utils/stores/custom';
import { startRowUi } from '@/utils/row-ui/start-content';

// Registered at runtime, only for sites the operator described and granted (utils/background/custom-scripts).
export default defineContentScript({
  registration: 'runtime',
  // No matches here: WXT would turn them into required host permissions. The background registers the
  // operator's granted sites itself.
  matches: [],
  async main(ctx) {
    const settings = SettingsSchema.safeParse(await storage.getItem('local:settings'));
    if (!settings.success) return;
    const url = new URL(location.href);
    const config = settings.data.customAdmins.find((a) => matchesPattern(a.urlPattern, url));
    if (config && settings.data.store.admins.custom) startRowUi(ctx, createCustomLocator(config));
  },
});
