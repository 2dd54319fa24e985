import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';

/** auth.*: signing in to Kakao and out again; answers carry the sign-in state, never a token. */
export function createAuthHandlers(kakao: KakaoService): Handlers {
  return {
    'auth.state': () => kakao.authState(),
    'auth.signIn': () => kakao.signIn(),
    'auth.requestConsent': ({ scopes }) => kakao.requestConsent(scopes),
    'auth.signOut': () => kakao.signOut(),
    'auth.disconnect': () => kakao.disconnect(),
  };
}
