import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { Order } from '@/utils/shared/order';
import type { Output } from '@/utils/shared/protocol';
import { withJosa } from '@/utils/shared/korean';
import { errorMessage, isKorean } from '@/components/ui/localized';
import { Avatar } from './FriendAvatar';

type Suggested = Output<'compose.suggest'>['friends'][number];

/** The text "고객 안내 페이지 링크 복사" puts on the clipboard: who asks, and where the customer opts in. */
export function guideText(store: { name: string; url: string }): string {
  return i18n.t('compose.guideText', { store: store.name || '-', url: store.url || '-' });
}

/** The friend's name with what tells them apart: favourite mark and the stable short tag. */
function FriendLabel({ f }: { f: Suggested }) {
  return (
    <>
      <Avatar url={f.thumbnailUrl} name={f.nickname} />
      <span class="cp-friend-name">{f.nickname}</span>
      {f.favorite && (
        <span class="cp-fav" title={i18n.t('compose.favorite')} aria-label={i18n.t('compose.favorite')}>
          ★
        </span>
      )}
      <code class="cp-tag" data-testid="friend-tag">
        {f.tag}
      </code>
      {f.allowedMsg === false && <small class="ot-error">{i18n.t('compose.refuses')}</small>}
    </>
  );
}

/**
 * Find the operator's KakaoTalk friend who is this customer. Suggestions are ranked by likeness to the buyer
 * and receiver names; when nobody is alike the window says so above the list, with the customer's real fix;
 * same-nickname friends carry picture, favourite mark and tag; the link is made only after a side-by-side check.
 */
export function FriendSearch(props: { order: Order; store: { name: string; url: string }; onLinked: () => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Output<'compose.suggest'>>();
  const [picked, setPicked] = useState<Suggested>();
  const [error, setError] = useState('');
  const [copied, setCopied] = useState<'ok' | 'failed'>();
  const o = props.order;
  useEffect(() => {
    const t = setTimeout(() => {
      callBackground('compose.suggest', { order: o, query }).then(setFound, (e) => setError(errorMessage(e)));
    }, 150);
    return () => clearTimeout(t);
  }, [query, o.productOrderNo]);

  async function confirm() {
    if (!picked) return;
    try {
      await callBackground('link.set', { order: o, friendUuid: picked.uuid });
      props.onLinked();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function copyGuide() {
    try {
      await navigator.clipboard.writeText(guideText(props.store));
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }

  const friends = found?.friends ?? [];
  const twins = (f: Suggested) => friends.filter((x) => x.nickname === f.nickname).length;
  const searchId = `friend-search-${o.productOrderNo}`;
  return (
    <div class="cp-search">
      {found?.noMatch && !query && (
        <div class="cp-nomatch" data-testid="friend-no-match" role="status">
          <strong>
            {i18n.t('compose.noMatchTitle', {
              buyerWith: isKorean() ? withJosa(o.buyerName, 'with') : o.buyerName,
            })}
          </strong>
          <p>{i18n.t('compose.noMatchWhy')}</p>
          <button type="button" class="ot-secondary" data-testid="copy-guide" onClick={copyGuide}>
            {i18n.t('compose.copyGuide')}
          </button>
          {copied === 'ok' && <small class="ot-ok">{i18n.t('compose.copied')}</small>}
          {copied === 'failed' && (
            <p>
              <small class="ot-error">{i18n.t('compose.copyFailed')}</small>
              <textarea readOnly rows={3} value={guideText(props.store)} />
            </p>
          )}
        </div>
      )}
      <div class="ot-field">
        <label for={searchId}>{i18n.t('compose.findFriend', { buyer: o.buyerName })}</label>
        <input
          id={searchId}
          data-testid="friend-search"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          placeholder={i18n.t('compose.searchPlaceholder')}
        />
      </div>
      <ul class="cp-friends" role="listbox" aria-label={i18n.t('compose.friends')}>
        {friends.map((f) => (
          <li key={f.uuid}>
            <button
              type="button"
              role="option"
              aria-selected={picked?.uuid === f.uuid}
              data-testid="friend-option"
              data-uuid={f.uuid}
              data-tag={f.tag}
              class={picked?.uuid === f.uuid ? 'cp-friend cp-picked' : 'cp-friend'}
              onClick={() => setPicked(f)}
            >
              <FriendLabel f={f} />
            </button>
          </li>
        ))}
        {found && friends.length === 0 && <li class="ot-muted">{i18n.t('compose.noFriends')}</li>}
      </ul>
      {picked && (
        <section class="cp-confirm" data-testid="link-compare" aria-label={i18n.t('compose.confirmTitle')}>
          <h3>{i18n.t('compose.confirmTitle')}</h3>
          <div class="cp-compare">
            <div>
              <small class="ot-muted">{i18n.t('compose.customerSide')}</small>
              <strong>{o.buyerName}</strong>
              {o.receiverName && o.receiverName !== o.buyerName && (
                <span>{i18n.t('compose.receiver', { name: o.receiverName })}</span>
              )}
              <span class="ot-muted">{o.productName}</span>
            </div>
            <div aria-hidden="true" class="cp-compare-arrow">
              →
            </div>
            <div class="cp-friend-card">
              <small class="ot-muted">{i18n.t('compose.friendSide')}</small>
              <span class="cp-friend">
                <FriendLabel f={picked} />
              </span>
              {twins(picked) > 1 && (
                <small class="cp-warn">{i18n.t('compose.sameName', { count: twins(picked) })}</small>
              )}
            </div>
          </div>
        </section>
      )}
      <button class="ot-primary" data-testid="link-confirm" disabled={!picked} onClick={confirm}>
        {picked
          ? i18n.t('compose.linkConfirm', {
              buyer: o.buyerName,
              friendTo: isKorean() ? withJosa(picked.nickname, 'direction') : picked.nickname,
            })
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
