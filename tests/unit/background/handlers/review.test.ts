import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createReviewHandlers } from '@/utils/background/handlers/review';
import { contentSender, send } from './support';

describe('review progress handlers', () => {
  beforeEach(() => fakeBrowser.reset());

  it('records a passed step, answers with the whole progress, and clears it when unticked', async () => {
    const h = createReviewHandlers();
    expect(await send(h, 'review.get', {})).toEqual({ ok: true, value: {} });
    const marked = await send(h, 'review.mark', { step: 'bizAppAt' });
    expect(marked).toMatchObject({ ok: true, value: { bizAppAt: expect.any(Number) } });
    await send(h, 'review.mark', { step: 'teamMemberAt', done: true });
    expect(await send(h, 'review.get', {})).toMatchObject({
      ok: true,
      value: { bizAppAt: expect.any(Number), teamMemberAt: expect.any(Number) },
    });
    const cleared = await send(h, 'review.mark', { step: 'bizAppAt', done: false });
    expect(cleared.ok && Object.keys(cleared.value as object)).toEqual(['teamMemberAt']);
  });

  it('refuses content scripts and steps that do not exist', async () => {
    const h = createReviewHandlers();
    expect(await send(h, 'review.mark', { step: 'bizAppAt' }, contentSender())).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await send(h, 'review.mark', { step: 'reviewPassedAt' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await send(h, 'review.get', {})).toEqual({ ok: true, value: {} });
  });
});
