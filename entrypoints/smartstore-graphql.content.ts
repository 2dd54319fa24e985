import { SMARTSTORE } from '@/utils/shared/store-admins';
import { BRIDGE_REQUEST, BRIDGE_SOURCE, walkRows } from '@/utils/content/stores/graphql-rows';

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
    // The latest answers (at most 5,000 rows), each numbered: the content script takes the newest for the
    // grid's data set.
    const seen: { set: number; rows: Record<string, string>[] }[] = [];
    let sets = 0;
    // In pieces of at most 500 rows, a task each: one message of 5,000 rows (copied, then checked) was one
    // long task of the page.
    const post = (set: number, rows: Record<string, string>[]) =>
      later(() => window.postMessage({ source: BRIDGE_SOURCE, set, rows }, location.origin), 0);
    const forward = (text: string) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return; // not JSON: nothing to forward
      }
      const answer = { set: ++sets, rows: [] as Record<string, string>[] };
      walkRows(
        json,
        (rows, done) => {
          answer.rows.push(...rows);
          if (rows.length) post(answer.set, rows);
          if (!done || !answer.rows.length) return;
          seen.push(answer);
          while (seen.reduce((n, a) => n + a.rows.length, 0) > 5000 && seen.length > 1) seen.shift();
        },
        (f) => later(f, 0),
      );
    };
    window.addEventListener('message', (e) => {
      if (e.source === window && (e.data as { source?: string } | null)?.source === BRIDGE_REQUEST)
        for (const a of seen) for (let i = 0; i < a.rows.length; i += 500) post(a.set, a.rows.slice(i, i + 500));
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
