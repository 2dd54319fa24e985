import { describe, expect, it } from 'vitest';
import { createQuotaHandlers } from '@/utils/background/handlers/quota';
import { seoulDay } from '@/utils/shared/seoul-day';
import { contentSender, emulatedKakao, send, useEmulatorWorld } from './support';

const world = useEmulatorWorld();

describe('quota handlers', () => {
  it("answers with today's quota and the sender's daily limit, counting what was sent", async () => {
    const kakao = await emulatedKakao(world.emu);
    await kakao.requestConsent(['friends', 'talk_message']);
    const h = createQuotaHandlers(kakao);
    expect(await send(h, 'quota.get', {})).toEqual({
      ok: true,
      value: { day: seoulDay(Date.now()), senderLeft: 100, senderLimit: 100 },
    });
    const [friend] = (await kakao.friends()).friends;
    await kakao.send([friend!.uuid], { templateObject: { object_type: 'text', text: '발송되었어요', link: {} } });
    expect(await send(h, 'quota.get', { receiverUuid: friend!.uuid })).toEqual({
      ok: true,
      value: { day: seoulDay(Date.now()), senderLeft: 99, receiverLeft: 99, pairLeft: 19, senderLimit: 100 },
    });
  });

  it('refuses content scripts and a receiver that is not a string', async () => {
    const h = createQuotaHandlers(await emulatedKakao(world.emu));
    expect(await send(h, 'quota.get', {}, contentSender())).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await send(h, 'quota.get', { receiverUuid: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
  });
});
