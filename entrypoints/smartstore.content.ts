import '@/utils/shared/zod-setup';
import type { PageData } from '@/utils/content/stores/types';
import { smartstoreAdmin } from '@/utils/content/stores/smartstore';
import { listenToBridge } from '@/utils/content/stores/graphql-bridge';
import { startAdminRowUi } from '@/utils/content/row-ui/start-content';

export default defineContentScript({
  matches: [...smartstoreAdmin.matches],
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // Order grids live in the /o/… frame (#__delegate); the AngularJS shell around it has none.
    if (!smartstoreAdmin.isOrderPage(new URL(location.href))) return;
    document.documentElement.dataset.ordertalk = 'ready';
    const extra: PageData = new Map();
    const ui = startAdminRowUi(ctx.signal, smartstoreAdmin, extra);
    listenToBridge(window, extra, () => ui.scan(), ctx.signal);
  },
});
