import type { AuthState } from '@/utils/shared/wire';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/shared/settings-schema';

export const KEY = '0123456789abcdef0123456789abcdef';

export function auth(patch: Partial<AuthState> = {}): AuthState {
  return {
    configured: true,
    signedIn: false,
    grantedScopes: [],
    missingScopes: ['profile_nickname', 'friends', 'talk_message'],
    hasClientSecret: false,
    ...patch,
  };
}

export function signedIn(patch: Partial<AuthState> = {}): AuthState {
  return auth({
    signedIn: true,
    nickname: '운영자',
    pictureUrl: 'https://k.kakaocdn.net/p.jpg',
    kakaoUserId: 1,
    grantedScopes: ['profile_nickname', 'friends', 'talk_message'],
    missingScopes: [],
    ...patch,
  });
}

export function settings(
  patch: { kakao?: Partial<Settings['kakao']>; store?: Partial<Settings['store']> } = {},
): Settings {
  return {
    ...DEFAULT_SETTINGS,
    kakao: { ...DEFAULT_SETTINGS.kakao, ...patch.kakao },
    store: { ...DEFAULT_SETTINGS.store, ...patch.store },
  };
}
