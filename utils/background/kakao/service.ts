import { KakaoError } from './errors';
import { runAuthFlow, type AuthFlowDeps } from './auth-flow';
import { listFriends, invalidateFriends, type FriendsList } from './friends';
import { postToken, type Fetch } from './http';
import { createQuota, type QuotaLeft } from './quota';
import { MeSchema, MemoResponseSchema, ScopesSchema, type TemplateObject } from './schemas';
import { KAKAO_SCOPES, type KakaoScope } from '@/utils/shared/kakao-scopes';
import { sendToFriends, type Payload, type RecipientResult } from './send';
import { createSession } from './session';
import { createTokenStore, type Profile, type TokenStore } from './token-store';

export interface KakaoServiceDeps {
  fetch?: Fetch;
  now?: () => number;
  getRestApiKey: () => Promise<string>;
  launchWebAuthFlow: AuthFlowDeps['launchWebAuthFlow'];
  redirectUri: () => string;
  store?: TokenStore;
  sleep?: (ms: number) => Promise<void>;
}

export interface AuthInfo {
  configured: boolean;
  signedIn: boolean;
  nickname?: string;
  pictureUrl?: string;
  kakaoUserId?: number;
  grantedScopes: string[];
  missingScopes: KakaoScope[];
  hasClientSecret: boolean;
}

/**
 * Everything Kakao, for the background only. Nothing it returns carries a token or the client secret.
 */
export function createKakaoService(deps: KakaoServiceDeps) {
  const fetchFn = deps.fetch ?? ((...args: Parameters<Fetch>) => globalThis.fetch(...args));
  const now = deps.now ?? Date.now;
  const store = deps.store ?? createTokenStore();
  const restApiKey = async () => {
    const key = (await deps.getRestApiKey()).trim();
    if (!key) throw new KakaoError('not-configured');
    return key;
  };
  const session = createSession({ fetch: fetchFn, now, store, restApiKey, sleep: deps.sleep });
  const quota = createQuota(now);
  /** When this worker last read the granted scopes from Kakao (0: not yet). */
  let scopesReadAt = 0;

  async function loadProfile(): Promise<Profile> {
    const me = MeSchema.parse(await session.call('/v2/user/me', {}, 'read'));
    const scopes = ScopesSchema.parse(await session.call('/v2/user/scopes', {}, 'read'));
    const profile: Profile = {
      id: me.id,
      nickname: me.kakao_account?.profile?.nickname ?? me.properties?.nickname,
      pictureUrl: me.kakao_account?.profile?.thumbnail_image_url ?? me.properties?.thumbnail_image,
      grantedScopes: scopes.scopes.filter((s) => s.agreed).map((s) => s.id),
    };
    await store.setProfile(profile);
    scopesReadAt = now();
    return profile;
  }

  async function authorize(scopes?: string[]): Promise<AuthInfo> {
    const clientId = await restApiKey();
    const { code, verifier, redirectUri } = await runAuthFlow(
      { fetch: fetchFn, now, store, launchWebAuthFlow: deps.launchWebAuthFlow, redirectUri: deps.redirectUri },
      clientId,
      scopes,
    );
    await session.saveTokens(
      await postToken(fetchFn, {
        grant_type: 'authorization_code',
        client_id: clientId,
        redirect_uri: redirectUri,
        code,
        code_verifier: verifier,
        client_secret: (await store.clientSecret.get()) ?? undefined,
      }),
    );
    await loadProfile();
    return authState();
  }

  async function authState(): Promise<AuthInfo> {
    const [key, profile, hasRefresh, access, hasClientSecret] = await Promise.all([
      deps.getRestApiKey(),
      store.getProfile(),
      store.refresh.has(),
      store.getAccess(),
      store.clientSecret.has(),
    ]);
    const signedIn = !!profile && (hasRefresh || (!!access && access.expiresAt > now()));
    const granted = signedIn ? profile!.grantedScopes : [];
    return {
      configured: key.trim().length > 0,
      signedIn,
      ...(signedIn && { nickname: profile!.nickname, pictureUrl: profile!.pictureUrl, kakaoUserId: profile!.id }),
      grantedScopes: granted,
      missingScopes: KAKAO_SCOPES.filter((s) => !granted.includes(s)),
      hasClientSecret,
    };
  }

  async function signedInProfile(): Promise<Profile> {
    const profile = await store.getProfile();
    if (!profile) throw new KakaoError('signed-out');
    return profile;
  }

  /** A -402 during a call means our consent list is stale: refresh it so the UI offers the grant. */
  async function guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof KakaoError && error.code === '-402') await loadProfile().catch(() => undefined);
      if (error instanceof KakaoError && error.code === '-502') await invalidateFriends();
      throw error;
    }
  }

  return {
    authState,
    signIn: () => authorize(),
    /** Additional consent for exactly the missing items. */
    requestConsent: (scopes: KakaoScope[]) => authorize(scopes),
    async signOut(): Promise<AuthInfo> {
      await session.call('/v1/user/logout', { method: 'POST', form: {} }, 'read').catch(() => undefined);
      await store.clearSession();
      await invalidateFriends();
      return authState();
    },
    async disconnect(): Promise<AuthInfo> {
      await session.call('/v1/user/unlink', { method: 'POST', form: {} }, 'read').catch(() => undefined);
      await store.clearSession();
      await invalidateFriends();
      return authState();
    },
    async setClientSecret(secret: string | null): Promise<void> {
      await store.clientSecret.set(secret && secret.trim() ? secret.trim() : null);
    },
    async friends(refresh = false): Promise<FriendsList> {
      const profile = await signedInProfile();
      return guard(() => listFriends(session, profile.id, now(), refresh));
    },
    /**
     * The sign-in state with the granted scopes read again from Kakao when older than maxAgeMs (a consent
     * withdrawn in KakaoTalk shows only there). A failed read keeps what is stored; a refresh token that no
     * longer works signs out, and the answer says so.
     */
    async freshAuthState(maxAgeMs: number): Promise<AuthInfo> {
      if ((await store.getProfile()) && now() - scopesReadAt > maxAgeMs) await loadProfile().catch(() => undefined);
      return authState();
    },
    async quotaLeft(receiverUuid?: string): Promise<QuotaLeft> {
      const profile = await store.getProfile();
      return quota.left(profile?.id ?? 0, receiverUuid);
    },
    /** Sends one identical message to these friends; every outcome is reported, nothing is retried blindly. */
    async send(uuids: string[], payload: Payload): Promise<RecipientResult[]> {
      const profile = await signedInProfile();
      const results = await sendToFriends(session, uuids, payload);
      for (const r of results) {
        // Unknown outcomes count too: better to under-promise what is left than to hit Kakao's cap.
        if (r.status !== 'failed') await quota.record(profile.id, r.uuid);
        if (r.status === 'failed' && r.error.code === '-502') await invalidateFriends();
        if (r.status === 'failed' && r.error.code === '-402') await loadProfile().catch(() => undefined);
      }
      return results;
    },
    async sendToMe(templateObject: TemplateObject): Promise<void> {
      await signedInProfile();
      const raw = await guard(() =>
        session.call(
          '/v2/api/talk/memo/default/send',
          { method: 'POST', form: { template_object: JSON.stringify(templateObject) } },
          'send',
        ),
      );
      if (MemoResponseSchema.safeParse(raw).data?.result_code !== 0) throw new KakaoError('bad-response');
    },
  };
}
export type KakaoService = ReturnType<typeof createKakaoService>;
