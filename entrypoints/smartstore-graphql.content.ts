import { SMARTSTORE } from '@/utils/shared/store-admins';
import { BRIDGE_REQUEST, BRIDGE_SOURCE, extractRows } from '@/utils/content/stores/graphql-rows';

// MAIN world, at document_start, only in the /o/… order frames: wraps fetch and XHR to copy the order
// rows the page already receives. It reads responses; it never changes a request or a response.
export default defineContentScript({
  matches: [...SMARTSTORE.orderFrameMatches],
  allFrames: true,
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    const isGraphql = (url: string) => url.includes('/o/v3/graphql');
    const later = window.setTimeout.bind(window); // taken before the page's own scripts run
    const seen: Record<string, string>[] = [];
    // In pieces of 500, a task each: copying (and, in the content script, checking) a 5,000-row answer in one
    // message blocked the page for one long task.
    const post = (rows: Record<string, string>[]) => {
      for (let i = 0; i < rows.length; i += 500) {
        const part = rows.slice(i, i + 500);
        later(() => window.postMessage({ source: BRIDGE_SOURCE, rows: part }, location.origin), 0);
      }
    };
    const forward = (text: string) => {
      try {
        const rows = extractRows(JSON.parse(text));
        seen.push(...rows);
        seen.splice(0, Math.max(0, seen.length - 5000));
        post(rows);
      } catch {
        // not JSON: nothing to forward
      }
    };
    window.addEventListener('message', (e) => {
      if (e.source === window && (e.data as { source?: string } | null)?.source === BRIDGE_REQUEST) post(seen);
    });
    const originalFetch = window.fetch;
    window.fetch = async function (this: unknown, ...args: Parameters<typeof fetch>) {
      const response = await originalFetch.apply(this, args);
      const url = args[0] instanceof Request ? args[0].url : String(args[0]);
      if (isGraphql(url))
        void response
          .clone()
          .text()
          .then(forward, () => undefined);
      return response;
    };
    const open = XMLHttpRequest.prototype.open;
    XMLHttpRequest.prototype.open = function (
      this: XMLHttpRequest,
      method: string,
      url: string | URL,
      ...rest: unknown[]
    ) {
      if (isGraphql(String(url)))
        this.addEventListener('load', () => typeof this.response === 'string' && forward(this.response));
      return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
    } as typeof XMLHttpRequest.prototype.open;
  },
});
