import { jsonArrayField, kapiError, send, type Ctx } from './http';
import type { App, ScopeId, User } from './scenario';
import { checkTemplateObject } from './templates';
import { uuidFor, type World } from './state';

interface Caller {
  app: App;
  user: User;
  token: string;
}

/** Bearer token → caller, or a -401 response. */
function authenticate(world: World, ctx: Ctx): Caller | null {
  const header = ctx.req.headers.authorization ?? '';
  const value = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const t = world.access.get(value);
  if (!t) return (kapiError(ctx, 401, -401, 'this access token does not exist'), null);
  if (t.expiresAt < world.clock.now()) return (kapiError(ctx, 401, -401, 'this access token is already expired'), null);
  const app = world.apps.get(t.app)!;
  const user = world.users.get(t.user)!;
  if (!world.scopesOf(app.restApiKey, user.id))
    return (kapiError(ctx, 401, -401, 'this access token does not exist'), null);
  return { app, user, token: value };
}

/** -3 when the app never enabled the item, -402 when the user did not consent to it. */
function requireScope(world: World, ctx: Ctx, c: Caller, scope: ScopeId, apiType: string): boolean {
  if (!c.app.consentItems[scope]) {
    kapiError(
      ctx,
      403,
      -3,
      `[APP] App disabled [${scope}] scopes for [${apiType}] API on developers.kakao.com. Enable it first.`,
    );
    return false;
  }
  const granted = world.scopesOf(c.app.restApiKey, c.user.id)!;
  if (!granted.has(scope)) {
    kapiError(ctx, 403, -402, 'insufficient scopes.', {
      api_type: apiType,
      required_scopes: [scope],
      allowed_scopes: [...granted],
    });
    return false;
  }
  return true;
}

/** Friends/message APIs need the approved feature, or the caller to be an app member. */
function requirePermission(ctx: Ctx, c: Caller): boolean {
  if (c.app.friendsMessageApproved || c.app.members.includes(c.user.id)) return true;
  kapiError(ctx, 403, -5, 'App has no permission for this API: apply for [KakaoTalk friends/message].');
  return false;
}

export function tokenInfo(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c) return;
  const t = world.access.get(c.token)!;
  send(ctx, 200, {
    id: c.user.id,
    expires_in: Math.max(0, Math.floor((t.expiresAt - world.clock.now()) / 1000)),
    app_id: 1000,
  });
}

export function me(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c) return;
  world.infoCalled(c.app.restApiKey, c.user.id);
  const scopes = world.scopesOf(c.app.restApiKey, c.user.id)!;
  const profile = scopes.has('profile_nickname')
    ? { nickname: c.user.nickname, thumbnail_image_url: c.user.thumbnail, is_default_image: !c.user.thumbnail }
    : undefined;
  send(ctx, 200, {
    id: c.user.id,
    connected_at: new Date(world.clock.now()).toISOString(),
    properties: profile ? { nickname: c.user.nickname, thumbnail_image: c.user.thumbnail } : {},
    kakao_account: { profile_nickname_needs_agreement: !profile, ...(profile && { profile }) },
  });
}

/** GET /v1/api/talk/profile: the caller's KakaoTalk profile; also a user-info call. */
export function talkProfile(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c) return;
  if (!c.user.kakaoTalk) return kapiError(ctx, 400, -501, 'NotKakaoTalkUser');
  world.infoCalled(c.app.restApiKey, c.user.id);
  send(ctx, 200, {
    nickName: c.user.nickname,
    profileImageURL: c.user.thumbnail ?? '',
    thumbnailURL: c.user.thumbnail ?? '',
    countryISO: 'KR',
  });
}

export function scopes(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c) return;
  const granted = world.scopesOf(c.app.restApiKey, c.user.id)!;
  const list = (['profile_nickname', 'profile_image', 'friends', 'talk_message'] as ScopeId[]).map((id) => ({
    id,
    display_name: id,
    type: id === 'talk_message' ? 'SERVICE' : 'PRIVACY',
    using: !!c.app.consentItems[id],
    agreed: granted.has(id),
    revocable: c.app.consentItems[id] !== 'required',
  }));
  send(ctx, 200, { id: c.user.id, scopes: list });
}

export function logout(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c) return;
  world.revokeTokens(c.app.restApiKey, c.user.id);
  send(ctx, 200, { id: c.user.id });
}

export function unlink(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c) return;
  world.unlinkUser(c.app.restApiKey, c.user.id);
  send(ctx, 200, { id: c.user.id });
}

export function friends(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c || !requireScope(world, ctx, c, 'friends', 'FRIENDS') || !requirePermission(ctx, c)) return;
  const q = ctx.url.searchParams;
  const offset = Number(q.get('offset') ?? 0);
  const limit = Number(q.get('limit') ?? 100);
  const order = q.get('order') ?? 'asc';
  const by = q.get('friend_order') ?? 'favorite';
  if (
    !Number.isInteger(offset) ||
    offset < 0 ||
    !Number.isInteger(limit) ||
    limit < 1 ||
    limit > 100 ||
    !['asc', 'desc'].includes(order) ||
    !['favorite', 'nickname'].includes(by)
  ) {
    return kapiError(ctx, 400, -2, 'invalid offset/limit/order/friend_order');
  }
  world.infoCalled(c.app.restApiKey, c.user.id);
  const all = [...(world.friends.get(c.user.id) ?? [])]
    .filter((id) => world.visibleFriend(c.app, c.user.id, id))
    .map((id) => world.users.get(id)!)
    .sort((a, b) => a.nickname.localeCompare(b.nickname, 'ko') || a.id - b.id);
  if (order === 'desc') all.reverse();
  const page = all.slice(offset, offset + limit);
  const base = `https://kapi.kakao.com/v1/api/talk/friends?limit=${limit}&order=${order}&friend_order=${by}`;
  send(ctx, 200, {
    elements: page.map((u) => ({
      id: u.id,
      uuid: uuidFor(c.app.restApiKey, u.id),
      profile_nickname: u.nickname,
      profile_thumbnail_image: u.thumbnail ?? '',
      favorite: false,
      allowed_msg: u.allowedMsg,
    })),
    total_count: all.length,
    favorite_count: 0,
    ...(offset + limit < all.length && { after_url: `${base}&offset=${offset + limit}` }),
    ...(offset > 0 && { before_url: `${base}&offset=${Math.max(0, offset - limit)}` }),
  });
}

type Payload = Pick<import('./state').Delivery, 'kind' | 'templateObject' | 'templateId' | 'templateArgs'>;

function parsePayload(ctx: Ctx, c: Caller, custom: boolean): Payload | null {
  if (custom) {
    const id = Number(ctx.form.get('template_id'));
    if (!c.app.customTemplates.some((t) => t.id === id))
      return (kapiError(ctx, 400, -2, `template_id not found: ${ctx.form.get('template_id')}`), null);
    let args: Record<string, string> | undefined;
    const raw = ctx.form.get('template_args');
    if (raw !== null) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
        args = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, String(v)]));
      } catch {
        return (kapiError(ctx, 400, -2, 'template_args must be a JSON object string'), null);
      }
    }
    return { kind: 'custom', templateId: id, templateArgs: args };
  }
  let object: unknown;
  try {
    object = JSON.parse(ctx.form.get('template_object') ?? '');
  } catch {
    return (kapiError(ctx, 400, -2, 'template_object must be a JSON string'), null);
  }
  const problem = checkTemplateObject(object, c.app);
  if (problem) return (kapiError(ctx, 400, -2, problem), null);
  return { kind: 'default', templateObject: object };
}

/** POST /v1/api/talk/friends/message/(default/)send */
export function sendToFriends(world: World, ctx: Ctx, custom: boolean): void {
  const c = authenticate(world, ctx);
  if (!c || !requireScope(world, ctx, c, 'talk_message', 'TALK_MESSAGE_SEND') || !requirePermission(ctx, c)) return;
  if (!c.user.kakaoTalk) return kapiError(ctx, 400, -501, 'NotKakaoTalkUser');
  const uuids = jsonArrayField(ctx.form.get('receiver_uuids'));
  if (!uuids || uuids.length === 0)
    return kapiError(ctx, 400, -2, 'receiver_uuids must be a non-empty JSON array string');
  if (uuids.length > 5) return kapiError(ctx, 400, -2, 'receiver_uuids: at most 5 receivers');
  if (new Set(uuids).size !== uuids.length) return kapiError(ctx, 400, -2, 'receiver_uuids: duplicate receiver');
  const receivers: User[] = [];
  for (const uuid of uuids) {
    const r = world.userByUuid(c.app.restApiKey, uuid);
    if (!r) return kapiError(ctx, 400, -2, `receiver_uuids: not a receiver of this app: ${uuid}`);
    if (r.id === c.user.id)
      return kapiError(ctx, 400, -2, 'Cannot contain a receiver who is identical to the sender in multicast mode');
    receivers.push(r);
  }
  const payload = parsePayload(ctx, c, custom);
  if (!payload) return;
  const ok: string[] = [];
  const failures = new Map<number, string[]>();
  const fail = (code: number, uuid: string) => failures.set(code, [...(failures.get(code) ?? []), uuid]);
  for (const r of receivers) {
    const uuid = uuidFor(c.app.restApiKey, r.id);
    // A private profile or allowed_msg=false is a refusal (-530); anything else that hides the friend is -502.
    const reachable =
      world.visibleFriend(c.app, c.user.id, r.id) || (r.privateProfile && world.areFriends(c.user.id, r.id));
    if (!reachable) fail(-502, uuid);
    else if (!r.allowedMsg || r.privateProfile) fail(-530, uuid);
    else {
      const quota = world.quotaError(c.user.id, r.id);
      if (quota) fail(quota, uuid);
      else {
        world.countSend(c.user.id, r.id);
        world.deliveries.push({
          id: world.deliveries.length + 1,
          at: new Date(world.clock.now()).toISOString(),
          app: c.app.restApiKey,
          senderId: c.user.id,
          receiverId: r.id,
          receiverUuid: uuid,
          ...payload,
        });
        ok.push(uuid);
      }
    }
  }
  const msgs: Record<number, string> = {
    [-502]: 'receiver is not a friend of the sender',
    [-530]: 'receiver refuses to receive messages',
    [-532]: 'daily sender quota exceeded',
    [-533]: 'daily receiver quota exceeded',
    [-536]: 'daily sender-receiver pair quota exceeded',
  };
  // Even when every receiver fails, the answer is 200 with an empty success list (Kakao: UNCONFIRMED).
  send(ctx, 200, {
    successful_receiver_uuids: ok,
    ...(failures.size > 0 && {
      failure_info: [...failures].map(([code, receiver_uuids]) => ({ code, msg: msgs[code], receiver_uuids })),
    }),
  });
}

/** POST /v2/api/talk/memo/default/send: to the signed-in user themself. */
export function sendToMe(world: World, ctx: Ctx): void {
  const c = authenticate(world, ctx);
  if (!c || !requireScope(world, ctx, c, 'talk_message', 'TALK_MEMO_DEFAULT_SEND')) return;
  if (!c.user.kakaoTalk) return kapiError(ctx, 400, -501, 'NotKakaoTalkUser');
  const payload = parsePayload(ctx, c, false);
  if (!payload) return;
  world.deliveries.push({
    id: world.deliveries.length + 1,
    at: new Date(world.clock.now()).toISOString(),
    app: c.app.restApiKey,
    senderId: c.user.id,
    receiverId: c.user.id,
    receiverUuid: uuidFor(c.app.restApiKey, c.user.id),
    ...payload,
    kind: 'memo',
  });
  send(ctx, 200, { result_code: 0 });
}
