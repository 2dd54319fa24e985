import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { jsonBody, send, solapiError, type Ctx } from './http';
import { parseScenario, type Scenario } from './scenario';
import type { World } from './state';

const FaultSchema = z.object({
  method: z.string().optional(),
  path: z.string().min(1),
  nth: z.number().int().min(1).default(1),
  kind: z.enum(['drop-after-processing', '5xx', 'latency', 'drop-before-processing']),
  ms: z.number().int().min(0).max(60_000).optional(),
  status: z.number().int().min(500).max(599).optional(),
  afterProcessing: z.boolean().optional(),
});

/** Test-only endpoints under /__emulator/ (any Host). */
export async function control(world: World, ctx: Ctx, initial: () => Scenario): Promise<void> {
  const path = ctx.url.pathname.slice('/__emulator'.length);
  const json = () => jsonBody(ctx) ?? {};
  const m = ctx.req.method;
  if (m === 'POST' && path === '/reset') return (world.load(initial()), send(ctx, 200, { ok: true }));
  if (m === 'POST' && path === '/scenario') {
    const file = ctx.url.searchParams.get('file');
    world.load(parseScenario(file ? JSON.parse(await readFile(file, 'utf8')) : json()));
    return send(ctx, 200, { ok: true });
  }
  if (m === 'POST' && path === '/clock') {
    const b = z
      .object({
        advanceMs: z.number().optional(),
        set: z.iso.datetime({ offset: true }).optional(),
        freeze: z.boolean().optional(),
      })
      .parse(json());
    if (b.freeze !== undefined) world.clock.freeze(b.freeze);
    if (b.set) world.clock.set(Date.parse(b.set));
    if (b.advanceMs) world.clock.advance(b.advanceMs);
    world.tick();
    return send(ctx, 200, { now: new Date(world.clock.now()).toISOString() });
  }
  if (m === 'POST' && path === '/faults') {
    world.faults.push({ ...FaultSchema.parse(json()), seen: 0, fired: false });
    return send(ctx, 200, { ok: true });
  }
  if (m === 'DELETE' && path === '/faults') return ((world.faults = []), send(ctx, 200, { ok: true }));
  if (m === 'GET' && path === '/faults') return send(ctx, 200, { faults: world.faults });
  if (m === 'POST' && path === '/balance') {
    const b = z.object({ balance: z.number(), apiKey: z.string().optional() }).parse(json());
    const account = b.apiKey ? world.accounts.get(b.apiKey) : [...world.accounts.values()][0];
    if (!account) return solapiError(ctx, 404, 'NotFound', 'unknown account');
    account.balance = b.balance;
    return send(ctx, 200, { ok: true });
  }
  if (m === 'GET' && path === '/messages') {
    world.tick();
    return send(ctx, 200, {
      messages: [...world.messages.values()].map((msg) => ({
        ...msg,
        statusCode: world.statusCode(msg),
        sent: msg.sentAt !== undefined,
      })),
    });
  }
  if (m === 'GET' && path === '/groups') {
    world.tick();
    return send(ctx, 200, { groups: [...world.groups.values()].map((g) => world.groupJson(g)) });
  }
  if (m === 'GET' && path === '/requests') return send(ctx, 200, { requests: world.requests });
  if (m === 'GET' && path === '/accounts')
    return send(ctx, 200, {
      accounts: [...world.accounts.values()].map((a) => ({ accountId: a.accountId, balance: a.balance })),
    });
  solapiError(ctx, 404, 'NotFound', `unknown emulator control path: ${path}`);
}
