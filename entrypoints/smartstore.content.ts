import '@/utils/zod-setup';
import { SMARTSTORE_MATCHES } from '@/utils/hosts';

export default defineContentScript({
  matches: SMARTSTORE_MATCHES,
  allFrames: true,
  runAt: 'document_idle',
  main() {
    // Order grids live in the /o/… frame (#__delegate); the AngularJS shell around it has none.
    if (!location.pathname.startsWith('/o/')) return;
    document.documentElement.dataset.ordertalk = 'ready';
  },
});
