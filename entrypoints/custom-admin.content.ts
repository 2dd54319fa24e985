import '@/utils/shared/zod-setup';
import { customAdminFor } from '@/utils/content/stores/custom-config';
import { createCustomLocator } from '@/utils/content/stores/custom';
import { startRowUi } from '@/utils/content/row-ui/start-content';

// Registered at runtime, only for sites the operator described and granted (utils/background/custom-scripts).
export default defineContentScript({
  registration: 'runtime',
  // No matches here: WXT would turn them into required host permissions. The background registers the
  // operator's granted sites itself.
  matches: [],
  async main(ctx) {
    const config = await customAdminFor(new URL(location.href));
    if (config) startRowUi(ctx.signal, createCustomLocator(config));
  },
});
