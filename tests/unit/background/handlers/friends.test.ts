import { describe, expect, it } from 'vitest';
import { createFriendsHandlers } from '@/utils/background/handlers/friends';
import { contentSender, emulatedKakao, send, useEmulatorWorld } from './support';

const world = useEmulatorWorld();

const friendsCalls = () => world.emu.world.requests.filter((r) => r.path === '/v1/api/talk/friends').length;

describe('friends handlers', () => {
  it('lists friends in the pages’ shape, from the cache unless asked to refresh', async () => {
    const kakao = await emulatedKakao(world.emu);
    await kakao.requestConsent(['friends', 'talk_message']);
    const h = createFriendsHandlers(kakao);
    const reply = await send(h, 'friends.list', {});
    expect(reply).toMatchObject({ ok: true, value: { totalCount: 2, fetchedAt: expect.any(Number) } });
    const friends = reply.ok ? (reply.value as { friends: { nickname: string; uuid: string }[] }).friends : [];
    expect(friends.map((f) => f.nickname)).toEqual(['김하늘', '박바다']);
    // The wire shape, not Kakao's: no profile_nickname and the like.
    expect(JSON.stringify(friends)).not.toContain('profile_nickname');
    const before = friendsCalls();
    await send(h, 'friends.list', {});
    expect(friendsCalls()).toBe(before);
    await send(h, 'friends.list', { refresh: true });
    expect(friendsCalls()).toBe(before + 1);
  });

  it('says the operator is signed out, in Korean and English', async () => {
    const h = createFriendsHandlers(await emulatedKakao(world.emu));
    const reply = await send(h, 'friends.list', {});
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'signed-out', ko: expect.any(String), en: expect.any(String) },
    });
  });

  it('refuses content scripts and a refresh that is not a boolean', async () => {
    const h = createFriendsHandlers(await emulatedKakao(world.emu));
    expect(await send(h, 'friends.list', {}, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'friends.list', { refresh: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(friendsCalls()).toBe(0);
  });
});
