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

/** The seller center's order API, answered from the fixture rows the page asks about. */
function graphql(_req: IncomingMessage, res: ServerResponse): void {
  const rows = Array.from({ length: 2000 }, (_, i) => ({
    productOrderNo: String(2026112400000000 + i + 1),
    orderMemberId: 'buyer' + String((i % 12) + 1).padStart(2, '0'),
    orderMemberTelNo:
      i % 5 === 4
        ? '010-****-' + String(5000 + i)
        : '010-' + String(1000 + i).padStart(4, '0') + '-' + String(5000 + i),
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
      if (req.method === 'POST' && req.url?.startsWith('/o/v3/graphql')) return graphql(req, res);
      const host = (req.headers.host ?? '').split(':')[0] ?? '';
      const url = new URL(req.url ?? '/', `https://${host}`);
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
