import '@/utils/shared/zod-setup';
import { SMARTSTORE_MATCHES } from '@/utils/shared/hosts';
import type { Order } from '@/utils/shared/order';
import { locateSmartstore, isSmartstoreOrderFrame } from '@/utils/content/stores/smartstore';
import { listenToBridge } from '@/utils/content/stores/graphql-bridge';
import { startRowUi } from '@/utils/content/row-ui/start-content';

export default defineContentScript({
  matches: SMARTSTORE_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    // Order grids live in the /o/… frame (#__delegate); the AngularJS shell around it has none.
    if (!isSmartstoreOrderFrame(new URL(location.href))) return;
    document.documentElement.dataset.ordertalk = 'ready';
    const extra = new Map<string, Partial<Order>>();
    const ui = startRowUi(ctx, locateSmartstore, extra);
    listenToBridge(window, extra, () => ui.scan(), ctx.signal);
  },
});
