import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { Order } from '@/utils/shared/order';
import type { Friend } from '@/utils/shared/wire';
import { errorMessage } from '@/components/ui/localized';

/** Find the operator's KakaoTalk friend who is this customer; suggestions ranked by name likeness. */
export function FriendSearch(props: { order: Order; onLinked: () => void }) {
  const [query, setQuery] = useState('');
  const [friends, setFriends] = useState<Friend[]>([]);
  const [picked, setPicked] = useState<Friend>();
  const [error, setError] = useState('');
  useEffect(() => {
    const t = setTimeout(() => {
      callBackground('link.suggest', { order: props.order, query }).then(
        (r) => setFriends(r.friends),
        (e) => setError(errorMessage(e)),
      );
    }, 150);
    return () => clearTimeout(t);
  }, [query, props.order.productOrderNo]);

  async function confirm() {
    if (!picked) return;
    try {
      await callBackground('link.set', { order: props.order, friendUuid: picked.uuid });
      props.onLinked();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <div class="cp-search">
      <label class="ot-field">
        <span>{i18n.t('compose.findFriend', { buyer: props.order.buyerName })}</span>
        <input
          data-testid="friend-search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          placeholder={i18n.t('compose.searchPlaceholder')}
        />
      </label>
      <ul class="cp-friends" role="listbox" aria-label={i18n.t('compose.friends')}>
        {friends.map((f) => (
          <li key={f.uuid}>
            <button
              type="button"
              role="option"
              aria-selected={picked?.uuid === f.uuid}
              data-testid="friend-option"
              data-uuid={f.uuid}
              class={picked?.uuid === f.uuid ? 'cp-friend cp-picked' : 'cp-friend'}
              onClick={() => setPicked(f)}
            >
              {f.thumbnailUrl && (
                <img src={f.thumbnailUrl} width={24} height={24} alt="" referrerpolicy="no-referrer" />
              )}
              <span>{f.nickname}</span>
              {f.allowedMsg === false && <small class="ot-error">{i18n.t('compose.refuses')}</small>}
            </button>
          </li>
        ))}
        {friends.length === 0 && <li class="ot-muted">{i18n.t('compose.noFriends')}</li>}
      </ul>
      <button class="ot-primary" data-testid="link-confirm" disabled={!picked} onClick={confirm}>
        {picked
          ? i18n.t('compose.linkConfirm', { buyer: props.order.buyerName, friend: picked.nickname })
          : i18n.t('compose.pickFriend')}
      </button>
      {error && (
        <p class="ot-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
