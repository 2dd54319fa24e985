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

/** Answers that do not say whether Kakao processed the request (kakao-api.md §11): 5xx, -1, -603. */
export function undecided(out: { status: number; code: number }): boolean {
  return out.status >= 500 || out.code === -1 || out.code === -603;
}

/**
 * Authenticated kapi calls. Only an answer that says the request was refused before processing is retried
 * for a send: -10 (request limit) with backoff up to MAX_ATTEMPTS, -401 once after refreshing the token.
 * A send answered by 5xx, -1, -603 or not at all may have been delivered: it is an unknown outcome and is
 * never repeated. Reads (friends, profile, scopes) change nothing, so those are retried too.
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
        if (kind === 'send') throw new KakaoError('unknown-outcome', out.status, 'no answer');
        if (attempt >= MAX_ATTEMPTS) throw new KakaoError('network', out.status);
      } else if (out.code === -401 && !refreshed) {
        refreshed = true;
        await refreshAfterRejection(token);
        continue;
      } else if (kind === 'send' && undecided(out)) {
        throw new KakaoError('unknown-outcome', out.status, `${out.code}: ${out.msg}`);
      } else if ((out.code === -10 || (kind === 'read' && undecided(out))) && attempt < MAX_ATTEMPTS) {
        // -10 was refused unprocessed, and a read may be repeated: try again after a pause.
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
