import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { newFriendsProtocol, type NewFriend } from '@/utils/shared/new-friends-protocol';
import { readReply } from '@/utils/shared/reply';

// "새로 연결된 고객 N명": friends who appeared since earlier friends refreshes (utils/background/storage/
// new-friends.ts). Used by the popup and options; zod/mini only, so the popup stays small.

async function ask(type: 'friends.new' | 'friends.dismissNew', input: { uuids?: string[] }): Promise<NewFriend[]> {
  const raw: unknown = await browser.runtime.sendMessage({ type, input });
  return readReply(newFriendsProtocol[type].output, raw).friends;
}

/** `version`: anything that changes after a friends refresh (the list is read again then). */
export function NewFriends(props: { version?: unknown }) {
  const [friends, setFriends] = useState<NewFriend[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let alive = true;
    ask('friends.new', {})
      .then((list) => alive && setFriends(list))
      .catch(() => undefined); // signed out or no background: nothing to show
    return () => {
      alive = false;
    };
  }, [props.version]);
  if (friends.length === 0) return null;

  async function dismiss() {
    setBusy(true);
    try {
      setFriends(await ask('friends.dismissNew', { uuids: friends.map((f) => f.uuid) }));
    } catch {
      // Kept on screen; the next open asks again.
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="ot-card ot-stack" data-testid="friends-new" aria-label={i18n.t('optin.newFriendsLabel')}>
      <strong data-testid="friends-new-count">{i18n.t('optin.newFriends', { count: friends.length })}</strong>
      <ul class="ot-list">
        {friends.map((f) => (
          <li key={f.uuid} data-uuid={f.uuid} data-testid="friends-new-item">
            {f.nickname}
          </li>
        ))}
      </ul>
      <p class="ot-muted">{i18n.t('optin.newFriendsHelp')}</p>
      <button
        type="button"
        class="ot-link"
        data-testid="friends-new-dismiss"
        disabled={busy}
        onClick={() => void dismiss()}
      >
        {i18n.t('optin.newFriendsDismiss')}
      </button>
    </section>
  );
}
