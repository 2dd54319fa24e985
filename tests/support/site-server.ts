import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { selfSignedCert } from './tls';

const SITES = path.resolve('tests/fixtures/sites');
/** Pages that show the same fixture: the seller center's other order pages, and a bench copy outside /o/. */
const ALIASES: Record<string, string> = {
  'sell.smartstore.naver.com/o/v3/n/sale/delivery': '/o/v3/manage/order',
  'sell.smartstore.naver.com/bench/order': '/o/v3/manage/order',
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.php': 'text/html; charset=utf-8', // Cafe24 and Godomall admin pages keep their .php paths
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** The real TOAST UI Grid's files, for the fixture pages (tests/fixtures/sites/sell.smartstore.naver.com). */
const VENDOR: Record<string, string> = {
  '/__vendor/tui-grid/tui-grid.js': 'node_modules/tui-grid/dist/tui-grid.js',
  '/__vendor/tui-grid/tui-grid.css': 'node_modules/tui-grid/dist/tui-grid.css',
};

async function body(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

/**
 * The seller center's order API, answered for the fixture rows the page asks about (`rows`, 2,000 if it does not
 * say), with the GraphQL element's own field names (docs/reference/store-admins.md §1.8): every field of the
 * row, the buyer id and phone among them, which the grid does not show (and columns it has scrolled out of
 * the DOM). The same values as tests/fixtures/sites/sell.smartstore.naver.com/fixture-grid.js.
 */
const NAMES = [
  '김민지',
  '이서준',
  '박지우',
  '최예린',
  '정하준',
  '강수아',
  '조은우',
  '윤도윤',
  '장서연',
  '임지호',
  '한유나',
  '오시우',
];
const PRODUCTS = ['유기농 현미 5kg', '제주 감귤 3kg', '수제 딸기잼 2병', '국산 참기름 350ml'];
async function graphql(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const asked = Number((JSON.parse((await body(req)) || '{}') as { rows?: unknown }).rows);
  const count = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 10_000) : 2000;
  const rows = Array.from({ length: count }, (_, i) => ({
    productOrderNo: String(2026112400000000 + i + 1),
    orderNo: String(2026112490000000 + Math.floor(i / 2) + 1),
    orderMemberName: NAMES[i % NAMES.length],
    receiverName: NAMES[i % NAMES.length],
    productName: PRODUCTS[i % PRODUCTS.length],
    productOrderStatus: i % 4 === 3 ? '배송중' : '발송대기',
    deliveryCompanyName: i % 4 === 3 ? 'CJ대한통운' : '',
    deliveryInvoiceNo: i % 4 === 3 ? '6' + String(100000000000 + i) : '',
    orderMemberId: 'buyer' + String((i % 12) + 1).padStart(2, '0'),
    orderMemberTelNo:
      i % 5 === 4
        ? '010-****-' + String(5000 + i)
        : '010-' + String(1000 + i).padStart(4, '0') + '-' + String(5000 + i),
    productOptionContents: i % 3 === 0 ? '포장: 선물포장' : '',
    orderQuantity: (i % 3) + 1,
  }));
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ data: { deliveryList: { elements: rows } } }));
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface SiteServer {
  port: number;
  hosts: string[];
  /** Extra routes tried before the static fixtures (return true when handled). */
  use(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * Serves tests/fixtures/sites/<Host>/<path> over HTTPS, so fixture pages load under their real hostnames
 * (Chromium maps those names to this port with --host-resolver-rules).
 */
export async function startSiteServer(hosts: string[]): Promise<SiteServer> {
  const handlers: Handler[] = [];
  const server = createServer(await selfSignedCert(hosts), async (req, res) => {
    try {
      for (const h of handlers) if (await h(req, res)) return;
      if (req.method === 'POST' && req.url?.startsWith('/o/v3/graphql')) return await graphql(req, res);
      const host = (req.headers.host ?? '').split(':')[0] ?? '';
      const url = new URL(req.url ?? '/', `https://${host}`);
      const vendor = VENDOR[url.pathname];
      if (vendor) {
        res.writeHead(200, { 'content-type': TYPES[path.extname(vendor)]!, 'cache-control': 'max-age=3600' });
        res.end(await readFile(path.resolve(vendor)));
        return;
      }
      const pathname = ALIASES[`${host}${url.pathname}`] ?? decodeURIComponent(url.pathname);
      let file = path.join(SITES, host, pathname);
      if (!file.startsWith(path.join(SITES, host))) throw new Error('outside');
      const info = await stat(file).catch(() => null);
      if (info?.isDirectory()) file = path.join(file, 'index.html');
      else if (!info && !path.extname(file)) file += '.html';
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hosts,
    use: (h) => void handlers.push(h),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
