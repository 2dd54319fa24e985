import { KAKAO_AUTH_ORIGIN } from '@/utils/shared/hosts';
import { KakaoError } from './errors';
import type { Fetch } from './http';
import { challengeS256, randomState, randomVerifier } from './pkce';
import type { TokenStore } from './token-store';

const PENDING_TTL_MS = 10 * 60 * 1000;

export function authorizeUrl(p: {
  clientId: string;
  redirectUri: string;
  state: string;
  challenge: string;
  scopes?: string[];
}): string {
  const url = new URL('/oauth/authorize', KAKAO_AUTH_ORIGIN);
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('state', p.state);
  url.searchParams.set('code_challenge', p.challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  // Comma-separated, as Kakao's REST docs show (whether spaces work too is UNCONFIRMED).
  if (p.scopes?.length) url.searchParams.set('scope', p.scopes.join(','));
  return url.toString();
}

export interface AuthFlowDeps {
  fetch: Fetch;
  now: () => number;
  store: TokenStore;
  launchWebAuthFlow: (details: { url: string; interactive: boolean }) => Promise<string | undefined>;
  redirectUri: () => string;
}

/** When the auth window closed without a redirect, asks kauth why (KOE006 and friends show as a page). */
async function diagnose(fetchFn: Fetch, url: string, redirectUri: string): Promise<KakaoError | null> {
  try {
    const res = await fetchFn(url, { redirect: 'manual' });
    if (res.status < 400) return null;
    const code = /KOE\d{3}/.exec(await res.text())?.[0];
    return code ? new KakaoError(code, res.status, '', { redirectUri }) : null;
  } catch {
    return null;
  }
}

/**
 * Authorization-code flow with PKCE and a verified state. Returns the code and verifier to exchange; state
 * and verifier wait in storage.session so a restarted worker can still finish (or cleanly reject) it.
 */
export async function runAuthFlow(
  deps: AuthFlowDeps,
  clientId: string,
  scopes?: string[],
): Promise<{ code: string; verifier: string; redirectUri: string }> {
  const redirectUri = deps.redirectUri();
  const state = randomState();
  const verifier = randomVerifier();
  await deps.store.setPending({ state, verifier, redirectUri, createdAt: deps.now() });
  const url = authorizeUrl({ clientId, redirectUri, state, challenge: await challengeS256(verifier), scopes });
  let result: string | undefined;
  try {
    result = await deps.launchWebAuthFlow({ url, interactive: true });
  } catch {
    await deps.store.setPending(null);
    throw (await diagnose(deps.fetch, url, redirectUri)) ?? new KakaoError('cancelled');
  }
  return finishAuthFlow(deps, result ?? '');
}

export async function finishAuthFlow(
  deps: Pick<AuthFlowDeps, 'now' | 'store'>,
  callbackUrl: string,
): Promise<{ code: string; verifier: string; redirectUri: string }> {
  const pending = await deps.store.getPending();
  await deps.store.setPending(null);
  let params: URLSearchParams;
  try {
    params = new URL(callbackUrl).searchParams;
  } catch {
    throw new KakaoError('cancelled');
  }
  if (!pending || deps.now() - pending.createdAt > PENDING_TTL_MS || params.get('state') !== pending.state) {
    throw new KakaoError('state-mismatch');
  }
  const error = params.get('error');
  if (error === 'access_denied') throw new KakaoError('cancelled');
  if (error) throw new KakaoError(params.get('error_code') ?? error, 0, params.get('error_description') ?? '');
  const code = params.get('code');
  if (!code) throw new KakaoError('cancelled');
  return { code, verifier: pending.verifier, redirectUri: pending.redirectUri };
}
