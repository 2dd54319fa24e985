import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { browser } from 'wxt/browser';
import { NewFriends } from '@/components/popup/NewFriends';
import { installKorean } from '../options/support';

const friend = (uuid: string, nickname: string) => ({ uuid, id: null, nickname, appearedAt: 1_764_000_000_000 });

describe('새로 연결된 고객 (popup and options)', () => {
  beforeEach(installKorean);
  afterEach(cleanup);

  it('lists the new friends with their uuids and dismisses exactly those', async () => {
    let fresh = [friend('u-1', '민지'), friend('u-2', '이서준')];
    const sent: unknown[] = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (message: {
      type: string;
      input: { uuids?: string[] };
    }) => {
      sent.push(message);
      if (message.type === 'friends.dismissNew')
        fresh = fresh.filter((f) => !(message.input.uuids ?? []).includes(f.uuid));
      return { ok: true, value: { friends: fresh } };
    }) as never);
    render(<NewFriends version={1} />);
    await waitFor(() => expect(screen.getByTestId('friends-new-count').textContent).toBe('새로 연결된 고객 2명'));
    const items = screen.getByTestId('friends-new').querySelectorAll('[data-uuid]');
    expect([...items].map((i) => [i.getAttribute('data-uuid'), i.textContent])).toEqual([
      ['u-1', '민지'],
      ['u-2', '이서준'],
    ]);
    fireEvent.click(screen.getByTestId('friends-new-dismiss'));
    await waitFor(() => expect(screen.queryByTestId('friends-new')).toBeNull());
    expect(sent).toEqual([
      { type: 'friends.new', input: {} },
      { type: 'friends.dismissNew', input: { uuids: ['u-1', 'u-2'] } },
    ]);
  });

  it('shows nothing when nobody is new, when signed out, or when the answer is malformed', async () => {
    for (const answer of [
      { ok: true, value: { friends: [] } },
      { ok: false, error: { code: 'signed-out', ko: '로그인', en: 'sign in' } },
      { ok: true, value: { friends: [{ uuid: '' }] } },
    ]) {
      const spy = vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue(answer as never);
      const { container } = render(<NewFriends version={answer} />);
      await waitFor(() => expect(spy).toHaveBeenCalled());
      expect(container.querySelector('[data-testid="friends-new"]')).toBeNull();
      cleanup();
    }
  });
});
