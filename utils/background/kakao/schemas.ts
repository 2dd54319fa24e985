import { z } from 'zod';

// Kakao's responses, validated where they enter (kakao-api.md). Unknown fields pass through untouched.

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

const LinkSchema = z.object({ web_url: z.string().optional(), mobile_web_url: z.string().optional() });
const ButtonSchema = z.object({ title: z.string(), link: LinkSchema });
const ContentSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  image_url: z.string().optional(),
  image_width: z.number().optional(),
  image_height: z.number().optional(),
  link: LinkSchema,
});
/** The default template objects OrderTalk sends (kakao-api.md §5). */
export const TemplateObjectSchema = z.discriminatedUnion('object_type', [
  z.object({
    object_type: z.literal('text'),
    text: z.string().min(1).max(200),
    link: LinkSchema,
    button_title: z.string().optional(),
    buttons: z.array(ButtonSchema).max(2).optional(),
  }),
  z.object({
    object_type: z.literal('feed'),
    content: ContentSchema,
    button_title: z.string().optional(),
    buttons: z.array(ButtonSchema).max(2).optional(),
  }),
  z.object({
    object_type: z.literal('commerce'),
    content: ContentSchema,
    commerce: z.object({
      regular_price: z.number().int(),
      discount_price: z.number().int().optional(),
      product_name: z.string().optional(),
    }),
    button_title: z.string().optional(),
    buttons: z.array(ButtonSchema).max(2).optional(),
  }),
  z.object({
    object_type: z.literal('list'),
    header_title: z.string().max(200),
    header_link: LinkSchema,
    contents: z.array(ContentSchema).min(2).max(3),
    button_title: z.string().optional(),
    buttons: z.array(ButtonSchema).max(2).optional(),
  }),
]);
export type TemplateObject = z.infer<typeof TemplateObjectSchema>;
