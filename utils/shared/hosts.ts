// The only hosts the shipped build talks to (README: no servers of ours). Tests reach these same hostnames
// through a local emulator via Chromium's --host-resolver-rules, so nothing here changes for tests.
export const KAKAO_AUTH_ORIGIN = 'https://kauth.kakao.com';
export const KAKAO_API_ORIGIN = 'https://kapi.kakao.com';
export const KAKAO_HOST_PERMISSIONS = [`${KAKAO_AUTH_ORIGIN}/*`, `${KAKAO_API_ORIGIN}/*`];
export const SOLAPI_ORIGIN = 'https://api.solapi.com';
export const SOLAPI_HOST_PERMISSIONS = [`${SOLAPI_ORIGIN}/*`];
