import * as z from 'zod/mini';

// Friends who appeared in the operator's friends list since an earlier refresh: customers (or, before Kakao
// approves the app, team members) who just completed the opt-in. In zod/mini like popup-protocol.ts, so the
// popup can show them without loading classic zod; protocol.ts includes these entries for the background.

export const NewFriendSchema = z.object({
  uuid: z.string().check(z.minLength(1), z.maxLength(200)),
  id: z.optional(z.nullable(z.number())),
  nickname: z.string().check(z.maxLength(200)),
  thumbnailUrl: z.optional(z.string().check(z.maxLength(2000))),
  /** When the refresh that first saw them ran. */
  appearedAt: z.number(),
});
export type NewFriend = z.infer<typeof NewFriendSchema>;

export const NewFriendsSchema = z.object({ friends: z.array(NewFriendSchema).check(z.maxLength(1000)) });
export type NewFriends = z.infer<typeof NewFriendsSchema>;

const page = ['page'] as const;

export const newFriendsProtocol = {
  /** Who appeared since earlier refreshes and was not dismissed yet (no Kakao call). */
  'friends.new': { callers: page, input: z.object({}), output: NewFriendsSchema },
  /** The operator saw them: these (or, without uuids, all) leave the list. */
  'friends.dismissNew': {
    callers: page,
    input: z.object({ uuids: z.optional(z.array(z.string().check(z.maxLength(200))).check(z.maxLength(1000))) }),
    output: NewFriendsSchema,
  },
} as const;

export type NewFriendsMessageType = keyof typeof newFriendsProtocol;
