import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { kapiError, send, type Ctx } from './http';
import { inboxIndex, inboxPage } from './inbox';
import { parseScenario, type Scenario } from './scenario';
import type { World } from './state';

const FaultSchema = z.object({
  method: z.string().optional(),
  path: z.string().min(1),
  nth: z.number().int().min(1).default(1),
  kind: z.enum(['5xx', '-10', '-603', 'gateway', 'drop', 'latency']),
  ms: z.number().int().min(0).max(60_000).optional(),
  status: z.number().int().min(500).max(599).optional(),
});

/** Test-only endpoints under /__emulator/ (any Host). */
export async function control(world: World, ctx: Ctx, initial: () => Scenario): Promise<void> {
  const path = ctx.url.pathname.slice('/__emulator'.length);
  const json = () => (ctx.body ? (JSON.parse(ctx.body) as unknown) : {});
  const m = ctx.req.method;
  if (m === 'POST' && path === '/reset') return (world.load(initial()), send(ctx, 200, { ok: true }));
  if (m === 'POST' && path === '/scenario') {
    const file = ctx.url.searchParams.get('file');
    const scenario = parseScenario(file ? JSON.parse(await readFile(file, 'utf8')) : json());
    world.load(scenario);
    return send(ctx, 200, { ok: true });
  }
  if (m === 'POST' && path === '/clock') {
    const b = z
      .object({ advanceMs: z.number().optional(), set: z.string().datetime({ offset: true }).optional() })
      .parse(json());
    if (b.set) world.clock.set(Date.parse(b.set));
    if (b.advanceMs) world.clock.advance(b.advanceMs);
    // Kakao's daily sweep runs whenever time moves here: whoever passed 24 h without a user-info call goes.
    const unlinked = world.sweepUnfinished();
    return send(ctx, 200, { now: new Date(world.clock.now()).toISOString(), unlinked });
  }
  if (m === 'POST' && path === '/faults') {
    world.faults.push({ ...FaultSchema.parse(json()), seen: 0, fired: false });
    return send(ctx, 200, { ok: true });
  }
  if (m === 'DELETE' && path === '/faults') return ((world.faults = []), send(ctx, 200, { ok: true }));
  // Which armed faults have fired: a test can wait until a slow request is really in flight.
  if (m === 'GET' && path === '/faults') return send(ctx, 200, { faults: world.faults });
  if (m === 'POST' && path === '/expire-tokens') {
    const b = z.object({ userId: z.number().int().optional() }).parse(json());
    return send(ctx, 200, { expired: world.expireTokens(b.userId) });
  }
  if (m === 'POST' && path === '/auto-approve') {
    const b = z.object({ userId: z.number().int().nullable() }).parse(json());
    world.autoApproveOverride = b.userId;
    return send(ctx, 200, { ok: true });
  }
  const userPatch = /^\/users\/(\d+)$/.exec(path);
  if (m === 'POST' && userPatch) {
    const user = world.users.get(Number(userPatch[1]));
    if (!user) return kapiError(ctx, 404, -101, 'unknown user');
    Object.assign(
      user,
      z
        .object({
          allowedMsg: z.boolean().optional(),
          privateProfile: z.boolean().optional(),
          kakaoTalk: z.boolean().optional(),
        })
        .parse(json()),
    );
    return send(ctx, 200, { ok: true });
  }
  // Two users stop being KakaoTalk friends (one removed the other): the friends list no longer shows them.
  if (m === 'POST' && path === '/unfriend') {
    const b = z.object({ a: z.number().int(), b: z.number().int() }).parse(json());
    world.friends.get(b.a)?.delete(b.b);
    world.friends.get(b.b)?.delete(b.a);
    return send(ctx, 200, { ok: true });
  }
  if (m === 'POST' && path === '/sent') {
    const b = z
      .object({ from: z.number().int(), to: z.number().int(), count: z.number().int().min(1).max(200) })
      .parse(json());
    for (let i = 0; i < b.count; i++) world.countSend(b.from, b.to);
    return send(ctx, 200, { ok: true });
  }
  if (m === 'GET' && path === '/deliveries') return send(ctx, 200, { deliveries: world.deliveries });
  if (m === 'GET' && path === '/requests') return send(ctx, 200, { requests: world.requests });
  if (m === 'GET' && path === '/state') {
    return send(ctx, 200, {
      now: new Date(world.clock.now()).toISOString(),
      tokensIssued: world.tokensIssued,
      accessTokens: world.access.size,
      refreshTokens: world.refresh.size,
      /** Connected users who have not had a user-info call yet (the sweep unlinks them after 24 h). */
      awaitingInfoCall: Object.fromEntries([...world.awaitingInfoCall].map(([app, users]) => [app, [...users.keys()]])),
      connections: Object.fromEntries(
        [...world.connections].map(([app, users]) => [
          app,
          Object.fromEntries([...users].map(([u, s]) => [u, [...s]])),
        ]),
      ),
    });
  }
  if (m === 'GET' && path === '/inbox') return send(ctx, 200, inboxIndex(world));
  const inbox = /^\/inbox\/(\d+)$/.exec(path);
  if (m === 'GET' && inbox) return send(ctx, 200, inboxPage(world, Number(inbox[1])));
  kapiError(ctx, 404, -9, `unknown emulator control path: ${path}`);
}
