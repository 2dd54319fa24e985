import { KAKAO_API_ORIGIN, KAKAO_AUTH_ORIGIN } from '@/utils/shared/hosts';
import { KakaoError } from './errors';
import { ApiErrorSchema, AuthErrorSchema, TokenResponseSchema, type TokenResponse } from './schemas';

export type Fetch = typeof fetch;
export const FORM = 'application/x-www-form-urlencoded;charset=utf-8';

/** POST /oauth/token; Kakao's kauth errors become KakaoError(KOE…). */
export async function postToken(fetchFn: Fetch, fields: Record<string, string | undefined>): Promise<TokenResponse> {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined && v !== '') body.set(k, v);
  let res: Response;
  try {
    res = await fetchFn(`${KAKAO_AUTH_ORIGIN}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body,
    });
  } catch {
    throw new KakaoError('network');
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const parsed = TokenResponseSchema.safeParse(json);
    if (!parsed.success) throw new KakaoError('bad-response', res.status);
    return parsed.data;
  }
  const err = AuthErrorSchema.safeParse(json);
  if (err.success)
    throw new KakaoError(err.data.error_code ?? err.data.error, res.status, err.data.error_description ?? '');
  if (res.status >= 500) throw new KakaoError('KOE003', res.status);
  throw new KakaoError('bad-response', res.status);
}

/** A request with no answer by then is given up on: for a send that is an unknown outcome, never a retry. */
export const REQUEST_TIMEOUT_MS = 30_000;

export type KapiOutcome =
  | { kind: 'ok'; status: number; json: unknown }
  | { kind: 'error'; status: number; code: number; msg: string; requiredScopes?: string[] }
  /** No usable answer: the request may or may not have been processed. */
  | { kind: 'no-answer'; status: number };

/** One kapi call, no retries: classifies the answer. */
export async function kapiOnce(
  fetchFn: Fetch,
  token: string,
  path: string,
  init: { method?: 'GET' | 'POST'; form?: Record<string, string>; query?: Record<string, string> } = {},
): Promise<KapiOutcome> {
  const url = new URL(path, KAKAO_API_ORIGIN);
  if (url.origin !== KAKAO_API_ORIGIN) throw new Error(`refusing a non-Kakao URL: ${url.origin}`);
  for (const [k, v] of Object.entries(init.query ?? {})) url.searchParams.set(k, v);
  let res: Response;
  try {
    res = await fetchFn(url, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.form && { 'content-type': FORM }) },
      ...(init.form && { body: new URLSearchParams(init.form) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'no-answer', status: 0 };
  }
  const json: unknown = await res.json().catch(() => undefined);
  // A body that is not Kakao's JSON (a gateway's 502/504 page, a cut-off answer) says nothing about whether
  // Kakao processed the request: no answer, not an error code.
  if (json === undefined) return { kind: 'no-answer', status: res.status };
  if (res.ok) return { kind: 'ok', status: res.status, json };
  const err = ApiErrorSchema.safeParse(json);
  if (err.success)
    return {
      kind: 'error',
      status: res.status,
      code: err.data.code,
      msg: err.data.msg ?? '',
      requiredScopes: err.data.required_scopes,
    };
  return { kind: 'error', status: res.status, code: res.status >= 500 ? -1 : -2, msg: `HTTP ${res.status}` };
}
