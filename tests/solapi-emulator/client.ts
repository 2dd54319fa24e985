import { readFileSync } from 'node:fs';
import { emulatorRequest, type Reply } from '../support/emulator-request';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseScenario, type Scenario } from './scenario';
import { SOLAPI_HOST, listen, type RunningSolapiEmulator } from './server';
import type { FaultKind, RequestLog } from './state';

export const SCENARIOS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'scenarios');

export function loadScenario(nameOrPath: string): Scenario {
  const file = nameOrPath.endsWith('.json') ? nameOrPath : path.join(SCENARIOS, `${nameOrPath}.json`);
  return parseScenario(JSON.parse(readFileSync(file, 'utf8')));
}

export type { Reply };

/** A stored message as the emulator keeps it (what a test checks "was sent"). */
export interface EmulatedMessage {
  messageId: string;
  groupId: string;
  accountId: string;
  to: string;
  from?: string;
  type: string;
  text: string;
  variables: Record<string, string>;
  templateId: string;
  pfId: string;
  disableSms: boolean;
  customFields: Record<string, string>;
  registeredCode: string;
  statusCode: string;
  /** Its group was sent. */
  sent: boolean;
  sentAt?: number;
  replacement: boolean;
  replacementType?: 'SMS' | 'LMS';
}

export interface SolapiFault {
  path: string;
  kind: FaultKind;
  nth?: number;
  method?: string;
  status?: number;
  ms?: number;
  afterProcessing?: boolean;
}

export interface SolapiEmulator extends RunningSolapiEmulator {
  /** `--host-resolver-rules` entries for Chromium. */
  hostMap: Record<string, number>;
  /** An HTTPS request as the real client would make it (TLS checked against this emulator's cert). */
  request(
    host: string,
    pathAndQuery: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<Reply>;
  control: {
    reset(): Promise<void>;
    loadScenario(s: Scenario): Promise<void>;
    advanceClock(ms: number): Promise<void>;
    /** Stop (true) or restart (false) the emulator clock between advances. */
    freezeClock(frozen?: boolean): Promise<void>;
    fault(f: SolapiFault): Promise<void>;
    clearFaults(): Promise<void>;
    setBalance(n: number, apiKey?: string): Promise<void>;
    messages(): Promise<EmulatedMessage[]>;
    groups(): Promise<any[]>;
    /** Requests per "METHOD /path" (group ids as :groupId), e.g. "POST /messages/v4/groups/:groupId/send". */
    requests(): Promise<Record<string, number>>;
    requestLog(): Promise<RequestLog[]>;
    accounts(): Promise<{ accountId: string; balance: number }[]>;
  };
}

export async function startSolapiEmulator(
  opts: { scenario?: Scenario | string; port?: number } = {},
): Promise<SolapiEmulator> {
  const scenario = typeof opts.scenario === 'object' ? opts.scenario : loadScenario(opts.scenario ?? 'basic');
  const running = await listen(scenario, opts.port ?? 0);
  const request: SolapiEmulator['request'] = emulatorRequest(running.port, running.cert);
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
    hostMap: { [SOLAPI_HOST]: running.port },
    request,
    control: {
      reset: async () => void (await ctl('POST', '/reset')),
      loadScenario: async (s) => void (await ctl('POST', '/scenario', s)),
      advanceClock: async (ms) => void (await ctl('POST', '/clock', { advanceMs: ms })),
      freezeClock: async (frozen = true) => void (await ctl('POST', '/clock', { freeze: frozen })),
      fault: async (f) => void (await ctl('POST', '/faults', f)),
      clearFaults: async () => void (await ctl('DELETE', '/faults')),
      setBalance: async (balance, apiKey) => void (await ctl('POST', '/balance', { balance, apiKey })),
      messages: async () => (await ctl('GET', '/messages')).messages,
      groups: async () => (await ctl('GET', '/groups')).groups,
      requests: async () => {
        const counts: Record<string, number> = {};
        for (const r of (await ctl('GET', '/requests')).requests as RequestLog[])
          counts[`${r.method} ${r.path}`] = (counts[`${r.method} ${r.path}`] ?? 0) + 1;
        return counts;
      },
      requestLog: async () => (await ctl('GET', '/requests')).requests,
      accounts: async () => (await ctl('GET', '/accounts')).accounts,
    },
  };
}
