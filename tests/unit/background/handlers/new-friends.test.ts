import { describe, expect, it } from 'vitest';
import { createFriendsHandlers } from '@/utils/background/handlers/friends';
import { createComposeHandlers } from '@/utils/background/handlers/compose';
import { createSendService } from '@/utils/background/sending/send-service';
import { rankFriends } from '@/utils/background/storage/links';
import { uuidFor } from '../../../kakao-emulator/state';
import { contentSender, emulatedKakao, fakeSending, order, REST_KEY, send, useEmulatorWorld } from './support';

// Who became reachable: a friend who was not in the previous list from Kakao is new until dismissed. The
// first list an account gets is only the baseline.

const world = useEmulatorWorld();
const MEMBER = 4; // 이구름: the operator's KakaoTalk friend; made a team member here, not yet connected

/** What the opt-in does for a customer: token issuance, then /v2/user/me (the emulator's own rules). */
async function optIn(user: number) {
  const { access_token } = world.emu.world.issueTokens(REST_KEY, user, ['profile_nickname', 'friends']);
  const me = await world.emu.request('kapi.kakao.com', '/v2/user/me', {
    headers: { authorization: `Bearer ${access_token}` },
  });
  expect(me.status).toBe(200);
}

async function signedIn() {
  world.emu.world.apps.get(REST_KEY)!.members.push(MEMBER);
  const kakao = await emulatedKakao(world.emu);
  await kakao.requestConsent(['friends', 'talk_message']);
  return { kakao, h: createFriendsHandlers(kakao) };
}

const newOf = async (h: ReturnType<typeof createFriendsHandlers>) => {
  const r = await send(h, 'friends.new', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { friends: { uuid: string; nickname: string; appearedAt: number }[] }).friends;
};

describe('new friends', () => {
  it('the first list is the baseline; a friend who connects later is new after a refresh, until dismissed', async () => {
    const { h } = await signedIn();
    await send(h, 'friends.list', { refresh: true });
    expect(await newOf(h)).toEqual([]);
    await optIn(MEMBER);
    await send(h, 'friends.list', {}); // the cached list: nothing asked of Kakao, nothing new yet
    expect(await newOf(h)).toEqual([]);
    await send(h, 'friends.list', { refresh: true });
    const fresh = await newOf(h);
    expect(fresh).toEqual([
      expect.objectContaining({ uuid: uuidFor(REST_KEY, MEMBER), nickname: '이구름', appearedAt: expect.any(Number) }),
    ]);
    // Still new on the next refresh (not yet seen), then dismissed: gone, and not new again.
    await send(h, 'friends.list', { refresh: true });
    expect(await newOf(h)).toHaveLength(1);
    expect(await send(h, 'friends.dismissNew', {})).toMatchObject({ ok: true, value: { friends: [] } });
    await send(h, 'friends.list', { refresh: true });
    expect(await newOf(h)).toEqual([]);
  });

  it('a new friend who drops out of the list (unlinked by Kakao’s sweep) is no longer new', async () => {
    const { h } = await signedIn();
    await send(h, 'friends.list', { refresh: true });
    world.emu.world.issueTokens(REST_KEY, MEMBER, ['profile_nickname', 'friends']); // no /v2/user/me
    await send(h, 'friends.list', { refresh: true });
    expect((await newOf(h)).map((f) => f.nickname)).toEqual(['이구름']);
    await world.emu.control.advanceClock(25 * 3600_000);
    await send(h, 'friends.list', { refresh: true });
    expect(await newOf(h)).toEqual([]);
  });

  it('dismisses only the uuids given; refuses content scripts and bad input', async () => {
    const { h } = await signedIn();
    await send(h, 'friends.list', { refresh: true });
    await optIn(MEMBER);
    await send(h, 'friends.list', { refresh: true });
    expect(await send(h, 'friends.dismissNew', { uuids: ['someone-else'] })).toMatchObject({
      ok: true,
      value: { friends: [expect.objectContaining({ nickname: '이구름' })] },
    });
    expect(await send(h, 'friends.new', {}, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'friends.dismissNew', { uuids: 'all' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });

  it('signed out: nobody is new', async () => {
    const h = createFriendsHandlers(await emulatedKakao(world.emu));
    expect(await newOf(h)).toEqual([]);
  });

  it('suggestions for an order put a newly connected friend whose name matches the buyer first', async () => {
    const { kakao, h } = await signedIn();
    // 김하늘 (2) is already a friend with exactly the buyer's name; the new 김하늘 (4, renamed) just connected.
    world.emu.world.users.get(MEMBER)!.nickname = '김하늘 ';
    await send(h, 'friends.list', { refresh: true });
    const before = await createSendService(kakao).suggest(order);
    expect(before[0]!.uuid).toBe(uuidFor(REST_KEY, 2));
    await optIn(MEMBER);
    await send(h, 'friends.list', { refresh: true });
    const link = await createSendService(kakao).suggest(order);
    expect(link[0]!.uuid).toBe(uuidFor(REST_KEY, MEMBER));
    const compose = await send(createComposeHandlers(fakeSending(), kakao), 'compose.suggest', { order });
    expect(compose.ok && (compose.value as { friends: { uuid: string }[] }).friends[0]!.uuid).toBe(
      uuidFor(REST_KEY, MEMBER),
    );
    // Dismissed: back to likeness alone.
    await send(h, 'friends.dismissNew', {});
    expect((await createSendService(kakao).suggest(order))[0]!.uuid).toBe(uuidFor(REST_KEY, 2));
  });
});

describe('rankFriends', () => {
  const friends = [
    { uuid: 'a', nickname: '김하늘' },
    { uuid: 'b', nickname: '김하늘맘' },
    { uuid: 'c', nickname: '박바다' },
  ];
  it('puts a new friend first only when the nickname matches the buyer', () => {
    expect(rankFriends(friends, order).map((f) => f.uuid)).toEqual(['a', 'b', 'c']);
    expect(rankFriends(friends, order, '', new Set(['b'])).map((f) => f.uuid)).toEqual(['b', 'a', 'c']);
    expect(rankFriends(friends, order, '', new Set(['c'])).map((f) => f.uuid)).toEqual(['a', 'b', 'c']);
  });
});
