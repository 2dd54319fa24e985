import { createServer, type Server } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { control } from './control';
import { kapiError, kauthError, send, type Ctx } from './http';
import * as kapi from './kapi';
import { authorize, decide, tokenEndpoint } from './oauth';
import type { Scenario } from './scenario';
import { KAKAO_CDN_HOST, SDK_PATH, standInSdk } from './sdk';
import { World } from './state';

export const KAUTH_HOST = 'kauth.kakao.com';
export const KAPI_HOST = 'kapi.kakao.com';

type Route = (world: World, ctx: Ctx) => void;
const ROUTES: Record<string, Route> = {
  [`${KAUTH_HOST} GET /oauth/authorize`]: authorize,
  [`${KAUTH_HOST} POST /oauth/authorize/decision`]: decide,
  [`${KAUTH_HOST} POST /oauth/token`]: tokenEndpoint,
  [`${KAPI_HOST} GET /v1/user/access_token_info`]: kapi.tokenInfo,
  [`${KAPI_HOST} GET /v2/user/me`]: kapi.me,
  [`${KAPI_HOST} POST /v2/user/me`]: kapi.me,
  [`${KAPI_HOST} GET /v2/user/scopes`]: kapi.scopes,
  [`${KAPI_HOST} GET /v1/api/talk/profile`]: kapi.talkProfile,
  [`${KAPI_HOST} POST /v1/user/logout`]: kapi.logout,
  [`${KAPI_HOST} POST /v1/user/unlink`]: kapi.unlink,
  [`${KAPI_HOST} GET /v1/api/talk/friends`]: kapi.friends,
  [`${KAPI_HOST} POST /v1/api/talk/friends/message/default/send`]: (w, c) => kapi.sendToFriends(w, c, false),
  [`${KAPI_HOST} POST /v1/api/talk/friends/message/send`]: (w, c) => kapi.sendToFriends(w, c, true),
  [`${KAPI_HOST} POST /v2/api/talk/memo/default/send`]: kapi.sendToMe,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The first armed fault whose count reaches N on this request. */
function takeFault(world: World, ctx: Ctx) {
  for (const f of world.faults) {
    if (f.fired || (f.method && f.method !== ctx.req.method) || !ctx.url.pathname.includes(f.path)) continue;
    f.seen++;
    if (f.seen === f.nth) {
      f.fired = true;
      return f;
    }
  }
  return undefined;
}

/** Whether this origin is one of some app's JavaScript-key web domains. */
function registeredOrigin(world: World, origin: string, app?: string): boolean {
  for (const a of world.apps.values()) if ((!app || a.restApiKey === app) && a.webDomains.includes(origin)) return true;
  return false;
}

/**
 * kapi from a web page: only the SDK's calls (they carry a `KA` header) from a registered web domain get CORS
 * headers; a raw fetch gets none and the browser blocks it. A token used from another origin is -401.
 */
function kapiCors(world: World, ctx: Ctx): 'handled' | 'continue' {
  const origin = ctx.req.headers.origin;
  if (!origin || !/^https?:/.test(origin)) return 'continue'; // not a web page (server, extension background)
  if (ctx.req.method === 'OPTIONS') {
    if (!registeredOrigin(world, origin)) return (send(ctx, 403, { msg: 'CORS not allowed', code: -401 }), 'handled');
    send(ctx, 204, '', {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'authorization, ka, content-type',
      vary: 'origin',
    });
    return 'handled';
  }
  if (!ctx.req.headers.ka) return 'continue';
  const bearer = String(ctx.req.headers.authorization ?? '').replace(/^Bearer\s+/, '');
  const app = world.access.get(bearer)?.app;
  if (!registeredOrigin(world, origin, app)) {
    kapiError(ctx, 401, -401, `domain mismatched! caller=${origin}`);
    return 'handled';
  }
  ctx.res.setHeader('access-control-allow-origin', origin);
  ctx.res.setHeader('vary', 'origin');
  return 'continue';
}

async function handle(world: World, ctx: Ctx, initial: () => Scenario): Promise<void> {
  if (ctx.url.pathname.startsWith('/__emulator/')) return control(world, ctx, initial);
  if (ctx.host === KAKAO_CDN_HOST) {
    const version = SDK_PATH.exec(ctx.url.pathname)?.[1];
    if (!version || ctx.req.method !== 'GET') return send(ctx, 404, 'not found');
    return send(ctx, 200, standInSdk(version), {
      'content-type': 'text/javascript; charset=utf-8',
      'access-control-allow-origin': '*', // the page loads it with crossorigin=anonymous for SRI
    });
  }
  if (ctx.host === KAPI_HOST && kapiCors(world, ctx) === 'handled') return;
  if (ctx.req.method === 'OPTIONS' && ctx.host === KAUTH_HOST) {
    return send(ctx, 204, '', {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    });
  }
  const route = ROUTES[`${ctx.host} ${ctx.req.method} ${ctx.url.pathname}`];
  const fault = route ? takeFault(world, ctx) : undefined;
  if (fault?.kind === 'latency') await sleep(fault.ms ?? 1000);
  if (fault?.kind === '5xx')
    return send(ctx, fault.status ?? 500, { msg: 'internal server error (injected)', code: -1 });
  if (fault?.kind === '-10') return kapiError(ctx, 400, -10, 'API limit has been exceeded. (injected)');
  if (fault?.kind === '-603') return kapiError(ctx, 400, -603, 'internal timeout (injected)');
  if (!route) {
    if (ctx.host === KAUTH_HOST) return kauthError(ctx, 404, 'not_found', `unknown path ${ctx.url.pathname}`, 'KOE002');
    return kapiError(ctx, 404, -9, `unknown API: ${ctx.req.method} ${ctx.url.pathname}`);
  }
  if (fault?.kind === 'drop') {
    // Processed (e.g. delivered) but the answer never arrives: the client cannot know the outcome.
    const res = ctx.res;
    res.writeHead = (() => res) as never;
    res.end = (() => res) as never;
    route(world, ctx);
    ctx.req.socket.destroy();
    ctx.status = 0;
    return;
  }
  if (fault?.kind === 'gateway') {
    // Processed (e.g. delivered), then a gateway in front answers with its own HTML page instead of Kakao's JSON.
    const res = ctx.res;
    const [writeHead, end] = [res.writeHead, res.end];
    res.writeHead = (() => res) as never;
    res.end = (() => res) as never;
    route(world, ctx);
    [res.writeHead, res.end] = [writeHead, end];
    return send(ctx, fault.status ?? 502, '<html><body><h1>502 Bad Gateway</h1></body></html>');
  }
  route(world, ctx);
}

/** Answers one request as kauth/kapi/the CDN by its Host header (or as `asHost`, for a plain-HTTP listener). */
function requestHandler(world: World, initial: () => Scenario, asHost?: string) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const host = asHost ?? (req.headers.host ?? '').split(':')[0] ?? '';
      const body = Buffer.concat(chunks).toString('utf8');
      const ctx: Ctx = {
        req,
        res,
        host,
        body,
        url: new URL(req.url ?? '/', `https://${host || 'localhost'}`),
        form: new URLSearchParams(String(req.headers['content-type'] ?? '').includes('json') ? '' : body),
        status: 0,
      };
      handle(world, ctx, initial)
        .catch((error: unknown) => {
          // Never crash: a malformed control body or a bug answers in Kakao's shape.
          if (!res.headersSent) kapiError(ctx, 400, -2, error instanceof Error ? error.message : String(error));
        })
        .finally(() => {
          if (!ctx.url.pathname.startsWith('/__emulator/')) {
            world.requests.push({
              at: new Date(world.clock.now()).toISOString(),
              method: req.method ?? '',
              host,
              path: ctx.url.pathname,
              status: ctx.status,
            });
          }
        });
    });
  };
}

/**
 * The same world over plain HTTP on 127.0.0.1, answering as one host: for a local runtime (wrangler dev) that
 * cannot be pointed at Kakao's hostnames or trust the emulator's certificate (npm run optin:dev).
 */
export async function listenPlain(
  world: World,
  initial: () => Scenario,
  asHost: string,
  port = 0,
): Promise<{ port: number; close(): Promise<void> }> {
  const server = createHttpServer(requestHandler(world, initial, asHost));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RunningEmulator {
  world: World;
  cert: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** One HTTPS server for both hosts; Chromium reaches it with --host-resolver-rules MAP <host> 127.0.0.1:<port>. */
export async function listen(scenario: Scenario, port = 0): Promise<RunningEmulator> {
  const world = new World(scenario);
  const pems = await generate([{ name: 'commonName', value: KAUTH_HOST }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [KAUTH_HOST, KAPI_HOST, KAKAO_CDN_HOST, 'localhost'].map((value) => ({ type: 2, value })),
      },
    ],
  } as never);
  const server = createServer(
    { key: pems.private, cert: pems.cert },
    requestHandler(world, () => scenario),
  );
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
