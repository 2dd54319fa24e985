import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import * as api from './api';
import { authenticate } from './auth';
import { control } from './control';
import { CORS, send, solapiError, type Ctx } from './http';
import type { Scenario } from './scenario';
import { World, type Fault } from './state';

export const SOLAPI_HOST = 'api.solapi.com';

const ROUTES: [method: string, pattern: string, handler: api.Handler][] = [
  ['GET', '/kakao/v2/channels', api.channels],
  ['GET', '/kakao/v2/templates', api.templates],
  ['GET', '/kakao/v2/templates/sendable', api.sendableTemplates],
  ['GET', '/cash/v1/balance', api.balance],
  ['GET', '/pricing/v1/messaging', api.pricing],
  ['POST', '/messages/v4/groups', api.createGroup],
  ['PUT', '/messages/v4/groups/:groupId/messages', api.addMessages],
  ['POST', '/messages/v4/groups/:groupId/send', api.sendGroup],
  ['GET', '/messages/v4/groups/:groupId', api.getGroup],
  ['GET', '/messages/v4/groups/:groupId/messages', api.groupMessages],
  ['GET', '/messages/v4/list', api.messageList],
  ['POST', '/messages/v4/send-many/detail', api.sendManyDetail],
];

/** The route and its params; `pattern` is also the logged path (group ids folded into `:groupId`). */
function route(method: string, pathname: string) {
  for (const [m, pattern, handler] of ROUTES) {
    if (m !== method) continue;
    const names: string[] = [];
    const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, n: string) => (names.push(n), '([^/]+)'))}$`);
    const hit = re.exec(pathname);
    if (hit)
      return {
        pattern,
        handler,
        params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(hit[i + 1]!)])),
      };
  }
  return undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The first armed fault whose count reaches N on this request. */
function takeFault(world: World, method: string, pattern: string, pathname: string): Fault | undefined {
  for (const f of world.faults) {
    if (f.fired || (f.method && f.method !== method) || (f.path !== pattern && f.path !== pathname)) continue;
    f.seen++;
    if (f.seen === f.nth) {
      f.fired = true;
      return f;
    }
  }
  return undefined;
}

async function handle(world: World, ctx: Ctx, initial: () => Scenario): Promise<string> {
  const { pathname } = ctx.url;
  if (pathname.startsWith('/__emulator/')) {
    await control(world, ctx, initial);
    return '';
  }
  const method = ctx.req.method ?? 'GET';
  if (method === 'OPTIONS') {
    ctx.res.writeHead(204, CORS);
    ctx.res.end();
    return '';
  }
  const r = ctx.host === SOLAPI_HOST ? route(method, pathname) : undefined;
  if (!r) {
    solapiError(ctx, 404, 'NotFound', `Cannot ${method} ${pathname}`);
    return pathname;
  }
  const process = () => {
    world.tick();
    const auth = authenticate(world, ctx.req.headers.authorization);
    if (!auth.ok) return solapiError(ctx, auth.status, auth.errorCode, auth.errorMessage);
    r.handler(world, ctx, auth.account, r.params);
  };
  const fault = takeFault(world, method, r.pattern, pathname);
  if (fault?.kind === 'latency') await sleep(fault.ms ?? 1000);
  if (fault?.kind === 'drop-before-processing') {
    ctx.req.socket.destroy();
    return r.pattern;
  }
  if (fault?.kind === 'drop-after-processing' || (fault?.kind === '5xx' && fault.afterProcessing)) {
    // Processed, but the real answer never reaches the client.
    ctx.muted = true;
    process();
    ctx.muted = false;
    if (fault.kind === 'drop-after-processing') {
      ctx.req.socket.destroy();
      ctx.status = 0;
      return r.pattern;
    }
  }
  if (fault?.kind === '5xx') {
    send(ctx, fault.status ?? 500, { errorCode: 'InternalError', errorMessage: 'internal server error (injected)' });
    return r.pattern;
  }
  process();
  return r.pattern;
}

export interface RunningSolapiEmulator {
  world: World;
  cert: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** One HTTPS server for api.solapi.com; Chromium reaches it with --host-resolver-rules. */
export async function listen(scenario: Scenario, port = 0): Promise<RunningSolapiEmulator> {
  const world = new World(scenario);
  const pems = await generate([{ name: 'commonName', value: SOLAPI_HOST }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [SOLAPI_HOST, 'localhost'].map((value) => ({ type: 2, value })) }],
  } as never);
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = (req.headers.host ?? '').split(':')[0] ?? '';
      const ctx: Ctx = {
        req,
        res,
        host,
        body: Buffer.concat(chunks).toString('utf8'),
        url: new URL(req.url ?? '/', `https://${host || 'localhost'}`),
        status: 0,
        muted: false,
      };
      handle(world, ctx, () => scenario)
        .then((logged) => {
          if (logged)
            world.requests.push({
              at: new Date(world.clock.now()).toISOString(),
              method: req.method ?? '',
              path: logged,
              status: ctx.status,
            });
        })
        .catch((error: unknown) => {
          // Never crash: a malformed control body or a bug answers in SOLAPI's shape.
          if (!res.headersSent)
            solapiError(
              { ...ctx, muted: false },
              400,
              'ValidationError',
              error instanceof Error ? error.message : String(error),
            );
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    world,
    cert: pems.cert,
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
