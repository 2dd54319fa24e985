import '@/utils/shared/zod-setup';
import { locateCafe24 } from '@/utils/content/stores/cafe24';
import { startRowUi } from '@/utils/content/row-ui/start-content';

// Best-effort: Cafe24 order lists are read by their header text (see utils/stores/cafe24.ts).
export default defineContentScript({
  matches: ['https://*.cafe24.com/admin/*'],
  runAt: 'document_idle',
  main(ctx) {
    startRowUi(ctx, locateCafe24);
  },
});
