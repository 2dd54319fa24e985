import '@/utils/shared/zod-setup';
import { godomallAdmin } from '@/utils/content/stores/godomall';
import { startAdminRowUi } from '@/utils/content/row-ui/start-content';

// Best-effort: Godomall5 admins on *.godomall.com; shops on their own domain need the custom-admin route.
export default defineContentScript({
  matches: [...godomallAdmin.matches],
  runAt: 'document_idle',
  main(ctx) {
    startAdminRowUi(ctx.signal, godomallAdmin);
  },
});
