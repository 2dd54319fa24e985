import '@/utils/shared/zod-setup';
import { cafe24Admin } from '@/utils/content/stores/cafe24';
import { startAdminRowUi } from '@/utils/content/row-ui/start-content';

// Best-effort: Cafe24 order lists are read by their header text (see utils/content/stores/cafe24.ts).
export default defineContentScript({
  matches: [...cafe24Admin.matches],
  runAt: 'document_idle',
  main(ctx) {
    startAdminRowUi(ctx.signal, cafe24Admin);
  },
});
