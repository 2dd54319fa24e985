import { KakaoError } from './errors';
import { kapiOnce, postToken, type Fetch, type KapiOutcome } from './http';
import type { TokenStore } from './token-store';
import type { TokenResponse } from './schemas';

export interface SessionDeps {
  fetch: Fetch;
  now: () => number;
  store: TokenStore;
  restApiKey: () => Promise<string>;
  sleep?: (ms: number) => Promise<void>;
}

const REFRESH_MARGIN_MS = 5 * 60 * 1000;
const MAX_ATTEMPTS = 3;

/**
 * Authenticated kapi calls. Retry rules: an answer that says "not processed" (-10, 5xx) is retried with
 * backoff up to MAX_ATTEMPTS; -401 refreshes the token once and retries; a request that got no usable
 * answer is retried only when it is a read — for a send it is an unknown outcome and never repeated.
 */
export function createSession(deps: SessionDeps) {
  const sleep = deps.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let refreshing: Promise<string> | null = null;

  async function saveTokens(t: TokenResponse): Promise<string> {
    await deps.store.setAccess({ token: t.access_token, expiresAt: deps.now() + t.expires_in * 1000 });
    // Kakao rotates the refresh token only when <1 month is left; the old one then stops working.
    if (t.refresh_token) await deps.store.refresh.set(t.refresh_token);
    return t.access_token;
  }

  /** One refresh in flight, shared by every concurrent caller. */
  function refresh(): Promise<string> {
    refreshing ??= (async () => {
      const refreshToken = await deps.store.refresh.get();
      if (!refreshToken) {
        await deps.store.clearSession();
        throw new KakaoError('signed-out');
      }
      try {
        return await saveTokens(
          await postToken(deps.fetch, {
            grant_type: 'refresh_token',
            client_id: await deps.restApiKey(),
            refresh_token: refreshToken,
            client_secret: (await deps.store.clientSecret.get()) ?? undefined,
          }),
        );
      } catch (error) {
        if (error instanceof KakaoError && (error.code === 'KOE322' || error.code === 'KOE101')) {
          await deps.store.clearSession();
          throw new KakaoError('KOE322', error.httpStatus, error.kakaoMessage);
        }
        throw error;
      }
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function accessToken(): Promise<string> {
    const access = await deps.store.getAccess();
    if (access && access.expiresAt - deps.now() > REFRESH_MARGIN_MS) return access.token;
    return refresh();
  }

  /** Refreshes unless a concurrent caller already replaced the rejected token. */
  async function refreshAfterRejection(rejected: string): Promise<string> {
    if (refreshing) return refreshing;
    const current = await deps.store.getAccess();
    if (current && current.token !== rejected) return current.token;
    return refresh();
  }

  async function call(
    path: string,
    init: { method?: 'GET' | 'POST'; form?: Record<string, string>; query?: Record<string, string> },
    kind: 'read' | 'send',
  ): Promise<unknown> {
    let refreshed = false;
    for (let attempt = 1; ; attempt++) {
      const token = await accessToken();
      const out: KapiOutcome = await kapiOnce(deps.fetch, token, path, init);
      if (out.kind === 'ok') return out.json;
      if (out.kind === 'no-answer') {
        if (kind === 'send') throw new KakaoError('unknown-outcome', out.status);
        if (attempt >= MAX_ATTEMPTS) throw new KakaoError('network', out.status);
      } else if (out.code === -401 && !refreshed) {
        refreshed = true;
        await refreshAfterRejection(token);
        continue;
      } else if ((out.code === -10 || out.code === -1 || out.status >= 500) && attempt < MAX_ATTEMPTS) {
        // Not processed: safe to try again after a pause.
      } else {
        throw new KakaoError(
          String(out.code),
          out.status,
          out.msg,
          out.requiredScopes ? { requiredScopes: out.requiredScopes } : {},
        );
      }
      await sleep(250 * 2 ** (attempt - 1));
    }
  }

  return { call, refresh, saveTokens, accessToken };
}
export type Session = ReturnType<typeof createSession>;
