import '@/utils/shared/zod-setup';
import { locateGodomall } from '@/utils/content/stores/godomall';
import { startRowUi } from '@/utils/content/row-ui/start-content';

// Best-effort: Godomall5 admins on *.godomall.com; shops on their own domain need the custom-admin route.
export default defineContentScript({
  matches: ['https://*.godomall.com/order/*'],
  runAt: 'document_idle',
  main(ctx) {
    startRowUi(ctx, locateGodomall);
  },
});
