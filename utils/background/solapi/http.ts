// The one door to SOLAPI. Every attempt is signed fresh (a signature is single-use, reference §1.3); only reads
// are retried. A POST/PUT whose answer does not prove "not processed" is never repeated here: the caller looks
// the outcome up instead (group-send.ts, product rule 4).
import type { z } from 'zod';
import { SOLAPI_ORIGIN } from '@/utils/shared/hosts';
import { SolapiError } from './errors';
import { ErrorBodySchema } from './schemas';
import { authorization, newSalt, signingDate } from './sign';

export interface SolapiCredentials {
  apiKey: string;
  apiSecret: string;
}

export interface SolapiHttpOptions {
  fetch?: typeof fetch;
  now?: () => number;
  origin?: string;
  timeoutMs?: number;
  /** Backoff between read retries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Reads only: up to 2 retries after the first try. */
export const READ_RETRY_DELAYS_MS = [300, 1000];

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** One attempt, classified. Throws SolapiError; returns the validated body. */
async function attempt<S extends z.ZodType>(
  credentials: SolapiCredentials,
  opts: Required<Omit<SolapiHttpOptions, 'sleep'>>,
  method: Method,
  url: URL,
  schema: S,
  body: unknown,
): Promise<z.output<S>> {
  const date = signingDate(opts.now());
  const headers: Record<string, string> = {
    authorization: await authorization(credentials.apiKey, credentials.apiSecret, date, newSalt()),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await opts.fetch(url, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (error) {
    // A refused connection cannot be told apart from a reset after the request left: unknown either way.
    const name = error instanceof Error || error instanceof DOMException ? error.name : '';
    throw new SolapiError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', 'unknown');
  }
  let json: unknown;
  try {
    const text = await res.text();
    json = text === '' ? undefined : JSON.parse(text);
  } catch (error) {
    const name = error instanceof Error || error instanceof DOMException ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') throw new SolapiError('timeout', 'unknown', res.status);
    json = Symbol('not json');
  }
  if (res.ok) {
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SolapiError('invalid-response', 'unknown', res.status);
    return parsed.data;
  }
  if (res.status >= 500) throw new SolapiError('server', 'unknown', res.status);
  const err = ErrorBodySchema.safeParse(json);
  // A 4xx without SOLAPI's envelope (a proxy's page) proves nothing about processing.
  if (!err.success) throw new SolapiError('invalid-response', 'unknown', res.status);
  throw new SolapiError(err.data.errorCode, 'no', res.status, err.data.errorMessage);
}

function retriable(error: unknown): boolean {
  return error instanceof SolapiError && ['server', 'network', 'timeout'].includes(error.code);
}

/** Builds `solapiRequest(method, path, schema, body?)` bound to the credentials and options. */
export function createSolapiRequest(
  credentials: () => Promise<SolapiCredentials | null>,
  options: SolapiHttpOptions = {},
) {
  const opts = {
    fetch: options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
    now: options.now ?? Date.now,
    origin: options.origin ?? SOLAPI_ORIGIN,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const sleep = options.sleep ?? sleepReal;
  return async function solapiRequest<S extends z.ZodType>(
    method: Method,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<z.output<S>> {
    const url = new URL(path, opts.origin);
    if (url.origin !== new URL(opts.origin).origin) throw new Error(`refusing a non-SOLAPI URL: ${url.origin}`);
    const creds = await credentials();
    if (!creds?.apiKey || !creds.apiSecret) throw new SolapiError('no-credentials', 'no');
    const delays = method === 'GET' ? READ_RETRY_DELAYS_MS : [];
    for (let i = 0; ; i++) {
      try {
        return await attempt(creds, opts, method, url, schema, body);
      } catch (error) {
        const delay = delays[i];
        if (delay === undefined || !retriable(error)) throw error;
        await sleep(delay);
      }
    }
  };
}
export type SolapiRequest = ReturnType<typeof createSolapiRequest>;
