import { readFileSync } from 'node:fs';
import { emulatorRequest, type Reply } from '../support/emulator-request';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from './scenario';
import { KAPI_HOST, KAUTH_HOST, listen, type RunningEmulator } from './server';
import { KAKAO_CDN_HOST } from './sdk';
import type { Delivery, FaultKind } from './state';

export const SCENARIOS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

export function loadScenario(nameOrPath: string): Scenario {
  const file = nameOrPath.endsWith('.json') ? nameOrPath : path.join(SCENARIOS, `${nameOrPath}.json`);
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')));
}

export type { Reply };

export interface Emulator extends RunningEmulator {
  /** `--host-resolver-rules` entries for Chromium. */
  hostMap: Record<string, number>;
  /** An HTTPS request to kauth/kapi as the real client would make it (TLS checked against this emulator's cert). */
  request(
    host: string,
    pathAndQuery: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<Reply>;
  form(host: string, pathname: string, fields: Record<string, string>, token?: string): Promise<Reply>;
  control: {
    reset(): Promise<void>;
    loadScenario(s: Scenario): Promise<void>;
    /** Moves the clock; Kakao's daily sweep then unlinks whoever went 24 h without a user-info call. */
    advanceClock(ms: number): Promise<void>;
    fault(f: {
      path: string;
      kind: FaultKind;
      nth?: number;
      method?: string;
      ms?: number;
      status?: number;
    }): Promise<void>;
    clearFaults(): Promise<void>;
    /** The armed faults; `fired` once their request arrived (a latency fault's request is then in flight). */
    faults(): Promise<{ path: string; kind: FaultKind; nth: number; fired: boolean }[]>;
    expireTokens(userId?: number): Promise<number>;
    autoApprove(userId: number | null): Promise<void>;
    deliveries(): Promise<Delivery[]>;
    patchUser(
      userId: number,
      patch: { allowedMsg?: boolean; privateProfile?: boolean; kakaoTalk?: boolean },
    ): Promise<void>;
    countSent(from: number, to: number, count: number): Promise<void>;
    unfriend(a: number, b: number): Promise<void>;
    state(): Promise<any>;
  };
}

export async function startEmulator(opts: { scenario?: Scenario | string; port?: number } = {}): Promise<Emulator> {
  const scenario = typeof opts.scenario === 'object' ? opts.scenario : loadScenario(opts.scenario ?? 'basic');
  const running = await listen(scenario, opts.port ?? 0);
  const request: Emulator['request'] = emulatorRequest(running.port, running.cert);
  const form: Emulator['form'] = (host, pathname, fields, token) =>
    request(host, pathname, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body: new URLSearchParams(fields).toString(),
    });
  const ctl = async (method: string, p: string, body?: unknown) => {
    const r = await request('localhost', `/__emulator${p}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (r.status >= 400) throw new Error(`emulator control ${p}: ${r.text}`);
    return r.json();
  };
  return {
    ...running,
    hostMap: { [KAUTH_HOST]: running.port, [KAPI_HOST]: running.port, [KAKAO_CDN_HOST]: running.port },
    request,
    form,
    control: {
      reset: async () => void (await ctl('POST', '/reset')),
      loadScenario: async (s) => void (await ctl('POST', '/scenario', s)),
      advanceClock: async (ms) => void (await ctl('POST', '/clock', { advanceMs: ms })),
      fault: async (f) => void (await ctl('POST', '/faults', f)),
      clearFaults: async () => void (await ctl('DELETE', '/faults')),
      faults: async () => (await ctl('GET', '/faults')).faults,
      expireTokens: async (userId) =>
        (await ctl('POST', '/expire-tokens', userId === undefined ? {} : { userId })).expired,
      autoApprove: async (userId) => void (await ctl('POST', '/auto-approve', { userId })),
      deliveries: async () => (await ctl('GET', '/deliveries')).deliveries,
      patchUser: async (userId, patch) => void (await ctl('POST', `/users/${userId}`, patch)),
      countSent: async (from, to, count) => void (await ctl('POST', '/sent', { from, to, count })),
      unfriend: async (a, b) => void (await ctl('POST', '/unfriend', { a, b })),
      state: () => ctl('GET', '/state'),
    },
  };
}
