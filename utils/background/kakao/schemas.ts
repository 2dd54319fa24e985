import { z } from 'zod';

// Kakao's responses, validated where they enter (docs/reference/kakao-api.md). Unknown fields pass through untouched.

export const TokenResponseSchema = z.object({
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  expires_in: z.number(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: z.number().optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponseSchema>;

export const AuthErrorSchema = z.object({
  error: z.string(),
  error_description: z.string().optional(),
  error_code: z.string().optional(),
});

export const ApiErrorSchema = z.object({
  code: z.number(),
  msg: z.string().optional(),
  required_scopes: z.array(z.string()).optional(),
  allowed_scopes: z.array(z.string()).optional(),
  api_type: z.string().optional(),
});

export const MeSchema = z.object({
  id: z.number(),
  properties: z
    .object({ nickname: z.string().optional(), thumbnail_image: z.string().optional() })
    .partial()
    .optional(),
  kakao_account: z
    .object({
      profile: z.object({ nickname: z.string().optional(), thumbnail_image_url: z.string().optional() }).optional(),
    })
    .optional(),
});

export const ScopesSchema = z.object({
  id: z.number(),
  scopes: z.array(z.object({ id: z.string(), agreed: z.boolean(), using: z.boolean().optional() })),
});

export const FriendElementSchema = z.object({
  id: z.number().nullable().optional(),
  uuid: z.string().min(1),
  profile_nickname: z.string().optional().default(''),
  profile_thumbnail_image: z.string().optional(),
  favorite: z.boolean().optional(),
  allowed_msg: z.boolean().optional(),
});
export type KakaoFriend = z.infer<typeof FriendElementSchema>;

export const FriendsPageSchema = z.object({
  elements: z.array(FriendElementSchema),
  total_count: z.number(),
  after_url: z.string().nullable().optional(),
});

const FailureSchema = z.object({ code: z.number(), msg: z.string().optional(), receiver_uuids: z.array(z.string()) });
/** Flutter SDK says failure_info, the Android SDK failure_infos: accept both. */
export const SendResponseSchema = z
  .object({
    successful_receiver_uuids: z.array(z.string()).default([]),
    failure_info: z.array(FailureSchema).optional(),
    failure_infos: z.array(FailureSchema).optional(),
  })
  .transform((r) => ({ successful: r.successful_receiver_uuids, failures: r.failure_info ?? r.failure_infos ?? [] }));

export const MemoResponseSchema = z.object({ result_code: z.number() });

// What OrderTalk sends, not what it reads: built by utils/background/sending/render.ts, which applies
// Kakao's limits (docs/reference/kakao-api.md §5), so a type is enough here.
interface KakaoLink {
  web_url?: string;
  mobile_web_url?: string;
}
interface KakaoButton {
  title: string;
  link: KakaoLink;
}
interface KakaoContent {
  title?: string;
  description?: string;
  image_url?: string;
  image_width?: number;
  image_height?: number;
  link: KakaoLink;
}
interface Buttons {
  button_title?: string;
  buttons?: KakaoButton[];
}
/** The default template objects OrderTalk sends (docs/reference/kakao-api.md §5). */
export type TemplateObject =
  | ({ object_type: 'text'; text: string; link: KakaoLink } & Buttons)
  | ({ object_type: 'feed'; content: KakaoContent } & Buttons)
  | ({
      object_type: 'commerce';
      content: KakaoContent;
      commerce: { regular_price: number; discount_price?: number; product_name?: string };
    } & Buttons)
  | ({ object_type: 'list'; header_title: string; header_link: KakaoLink; contents: KakaoContent[] } & Buttons);
