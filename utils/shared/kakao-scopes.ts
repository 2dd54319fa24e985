// The Kakao Login consent items OrderTalk asks for (README "Consent items"): the nickname to show who is
// signed in, the friends list to pick recipients, and talk_message to send. A plain tuple, no zod, so
// classic zod (protocol.ts), zod/mini (popup-protocol.ts), the background and the pages can all build on it.
export const KAKAO_SCOPES = ['profile_nickname', 'friends', 'talk_message'] as const;
export type KakaoScope = (typeof KAKAO_SCOPES)[number];
