import { describe, expect, it } from 'vitest';
import { createLinkHandlers } from '@/utils/background/handlers/link';
import { createSendService } from '@/utils/background/sending/send-service';
import { getLink } from '@/utils/background/storage/links';
import { contentSender, emulatedKakao, order, send, useEmulatorWorld } from './support';

const world = useEmulatorWorld();

async function handlers() {
  const kakao = await emulatedKakao(world.emu);
  await kakao.requestConsent(['friends', 'talk_message']);
  return createLinkHandlers(createSendService(kakao));
}

describe('link handlers', () => {
  it('suggests friends by the buyer’s name, links one and removes the link again', async () => {
    const h = await handlers();
    const suggested = await send(h, 'link.suggest', { order });
    const friends = suggested.ok ? (suggested.value as { friends: { nickname: string; uuid: string }[] }).friends : [];
    expect(friends[0]!.nickname).toBe('김하늘');
    expect(await send(h, 'link.set', { order, friendUuid: friends[0]!.uuid })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await getLink(order)).toMatchObject({ friendUuid: friends[0]!.uuid, nickname: '김하늘' });
    expect(await send(h, 'link.remove', { order })).toEqual({ ok: true, value: { ok: true } });
    expect(await getLink(order)).toBeNull();
  });

  it('refuses a friend who is not among the operator’s friends', async () => {
    const h = await handlers();
    expect(await send(h, 'link.set', { order, friendUuid: 'not-a-friend' })).toMatchObject({
      ok: false,
      error: { code: '-502' },
    });
    expect(await getLink(order)).toBeNull();
  });

  it('refuses content scripts and an empty friend', async () => {
    const h = await handlers();
    const suggested = await send(h, 'link.suggest', { order });
    const friendUuid = suggested.ok ? (suggested.value as { friends: { uuid: string }[] }).friends[0]!.uuid : '';
    expect(await send(h, 'link.set', { order, friendUuid }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'link.set', { order, friendUuid: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await getLink(order)).toBeNull();
  });
});
