import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { HistoryRecord, SendResult } from '@/utils/shared/wire';
import { withJosa } from '@/utils/shared/korean';
import { errorMessage, isKorean, pick } from '@/components/ui/localized';
import { statusText } from '@/components/ui/labels';
import { SendChecks } from './SendChecks';
import { FriendSearch } from './FriendSearch';
import { Avatar } from './FriendAvatar';
import type { BlockReason, Channel, OrderState, PreparedItem } from './model';

export const STATE_LABEL: Record<OrderState, () => string> = {
  ready: () => i18n.t('compose.stateReady'),
  sent: () => i18n.t('compose.stateSent'),
  'needs-link': () => i18n.t('compose.stateNeedsLink'),
  blocked: () => i18n.t('compose.stateBlocked'),
  unknown: () => i18n.t('compose.stateUnknown'),
};

/** Why the order goes by the channel it goes by. */
function channelWhy(item: PreparedItem, channel: Channel, state: OrderState): string {
  if (item.channel?.explanation && channel === item.channel.chosen) return pick(item.channel.explanation);
  if (channel === 'alimtalk') return i18n.t('composeAlimtalk.channelWhyAlimtalk');
  if (item.link && state !== 'blocked') return i18n.t('compose.channelWhyLinked');
  if (state === 'needs-link') return i18n.t('compose.channelWhyNeedsLink');
  return i18n.t('compose.channelWhyBlocked');
}

const CHANNEL_NAME: Record<Channel, () => string> = {
  friend: () => i18n.t('compose.channel'),
  alimtalk: () => i18n.t('composeAlimtalk.channelAlimtalk'),
  none: () => i18n.t('composeAlimtalk.channelNone'),
};

export interface OrderCardProps {
  item: PreparedItem;
  state: OrderState;
  bulk: boolean;
  block?: BlockReason;
  result?: SendResult;
  /** After a send, the card is the report: result first, no linking or checks. */
  report?: boolean;
  repeatChosen: boolean;
  onRepeat: (on: boolean) => void;
  sending: boolean;
  store: { name: string; url: string };
  /** Orders of this window linked to the same friend: what unlinking affects. */
  sameCustomer: number;
  onChanged: () => void;
  /** The channel this order goes by, and the operator's switch to the other one (when it can reach the order). */
  channel: Channel;
  onChannel?: (c: 'friend' | 'alimtalk') => void;
  /** KRW per AlimTalk, for the switch's label. */
  alimtalkPrice?: number;
  /** After an AlimTalk send: its record as SOLAPI last reported it (delivery, cost). */
  delivery?: HistoryRecord;
}

/** One order: what it is, who gets it by which channel, what is wrong (or "✓ 확인 N개"), and its result. */
export function OrderCard(p: OrderCardProps) {
  const { item, state } = p;
  const o = item.order;
  const [linking, setLinking] = useState(!p.bulk);
  const [unlinking, setUnlinking] = useState(false);
  const [error, setError] = useState('');
  const ko = isKorean();
  const byFriend = p.channel !== 'alimtalk';
  const linkable = !item.link && !item.linkBlocked && !p.block && !p.report;
  // An order going by AlimTalk can still be linked to a friend: the free channel then takes it.
  const showPicker = linkable && (byFriend ? linking || !p.bulk : linking);
  // The other channel, offered when it too can reach this order.
  const otherChannel = p.channel === 'alimtalk' ? 'friend' : 'alimtalk';
  const other = item.channel?.[otherChannel].ok && p.onChannel && !p.report ? otherChannel : undefined;

  async function unlink() {
    try {
      await callBackground('link.remove', { order: o });
      setUnlinking(false);
      p.onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <article
      class={`ot-card cp-card cp-state-${state}`}
      data-testid="order-card"
      data-order-no={o.productOrderNo}
      data-state={state}
      data-channel={p.channel}
    >
      <header class="cp-card-head">
        <strong>{o.buyerName}</strong>
        <span class={`cp-state cp-state-label-${state}`} data-testid="order-state">
          {STATE_LABEL[state]()}
        </span>
      </header>
      <div class="cp-order-line">
        <span>
          {o.productName}
          {o.productOptions ? ` · ${o.productOptions}` : ''}
          {o.quantity ? ` × ${o.quantity}` : ''}
        </span>
        <span class="ot-muted">{i18n.t('compose.orderNo', { no: o.productOrderNo })}</span>
        {o.trackingNo && (
          <span class="ot-muted">
            {o.courier} {o.trackingNo}
          </span>
        )}
      </div>

      {p.result && (
        <p
          data-testid="send-result"
          data-status={p.result.status}
          class={`cp-result ${p.result.status === 'sent' ? 'cp-result-ok' : 'cp-result-bad'}`}
          role="status"
        >
          <strong>{statusText(p.result.status)}</strong>
          {p.result.error ? ` — ${pick(p.result.error)}` : ''}
          {p.result.status === 'unknown' && <span class="cp-result-note"> {i18n.t('compose.unknownExplain')}</span>}
        </p>
      )}
      {p.result?.channel === 'alimtalk' && (
        <p class="ot-muted" data-testid="delivery" data-delivery={p.delivery?.delivery?.state ?? 'checking'}>
          {i18n.t('composeAlimtalk.channelAlimtalk')}
          {p.delivery?.phoneMasked ? ` · ${p.delivery.phoneMasked}` : ''}
          {' · '}
          {p.delivery?.delivery ? pick(p.delivery.delivery) : i18n.t('composeAlimtalk.deliveryChecking')}
          {p.delivery?.cost !== undefined ? ` · ${i18n.t('composeAlimtalk.costOne', { cost: p.delivery.cost })}` : ''}
        </p>
      )}

      {!p.report && (
        <div class="cp-recipient">
          <div class="cp-channel" data-testid="order-channel" data-channel={p.channel}>
            <span class="ot-muted">{i18n.t('compose.channelLabel')}</span> <strong>{CHANNEL_NAME[p.channel]()}</strong>
            <span class="ot-muted"> — {channelWhy(item, p.channel, state)}</span>
            {other && !p.sending && (
              <button
                type="button"
                class="ot-link cp-switch"
                data-testid="channel-switch"
                onClick={() => p.onChannel!(other)}
              >
                {other === 'alimtalk'
                  ? i18n.t('composeAlimtalk.switchToAlimtalk', { price: p.alimtalkPrice ?? '?' })
                  : i18n.t('composeAlimtalk.switchToFriend')}
              </button>
            )}
          </div>
          {p.channel === 'alimtalk' && item.alimtalk ? (
            <p class="ot-muted" data-testid="alimtalk-to">
              {i18n.t('composeAlimtalk.alimtalkTo', {
                phone: item.alimtalk.phoneMasked,
                template: item.alimtalk.templateName,
              })}
              {linkable && !linking && (
                <>
                  {' '}
                  <button type="button" class="ot-link" data-testid="link-instead" onClick={() => setLinking(true)}>
                    {i18n.t('composeAlimtalk.linkInstead')}
                  </button>
                </>
              )}
            </p>
          ) : item.link ? (
            <div class="cp-linked">
              <span class="ot-muted">{i18n.t('compose.linkedTo')}</span>
              <Avatar url={item.friend?.thumbnailUrl} name={item.link.nickname} size={22} />
              <strong data-testid="linked-friend">{item.link.nickname}</strong>
              {item.friend?.favorite && <span class="cp-fav">★</span>}
              {item.friend && <code class="cp-tag">{item.friend.tag}</code>}
              {!unlinking && (
                <button type="button" class="ot-link" data-testid="unlink" onClick={() => setUnlinking(true)}>
                  {i18n.t('compose.unlink')}
                </button>
              )}
            </div>
          ) : (
            item.linkBlocked && <p class="cp-bad">{pick(item.linkBlocked)}</p>
          )}
          {unlinking && item.link && (
            <div class="cp-unlink" data-testid="unlink-confirm-box" role="group">
              <strong>
                {i18n.t('compose.unlinkTitle', {
                  buyer: o.buyerName,
                  friendWith: ko ? withJosa(item.link.nickname, 'with') : item.link.nickname,
                })}
              </strong>
              <p>{i18n.t('compose.unlinkEffect', { count: p.sameCustomer })}</p>
              <button type="button" class="ot-secondary" data-testid="unlink-confirm" onClick={unlink}>
                {i18n.t('compose.unlinkConfirm')}
              </button>{' '}
              <button type="button" class="ot-link" onClick={() => setUnlinking(false)}>
                {i18n.t('compose.keep')}
              </button>
            </div>
          )}
          {showPicker && (
            <FriendSearch
              order={o}
              store={p.store}
              onLinked={() => {
                setLinking(false);
                p.onChanged();
              }}
            />
          )}
        </div>
      )}

      {/* In the report, an order that was not sent still says why. */}
      {(!p.report || !p.result) && byFriend && (
        <SendChecks
          checks={item.checks}
          block={p.block}
          onChanged={p.onChanged}
          onLink={() => {
            setLinking(true);
            queueMicrotask(() =>
              document
                .querySelector<HTMLInputElement>(
                  `article[data-order-no="${o.productOrderNo}"] [data-testid="friend-search"]`,
                )
                ?.focus(),
            );
          }}
        />
      )}

      {item.lastSent && !p.result && (
        <p class="ot-muted" data-testid="last-sent">
          {i18n.t('composeRepeat.lastSent', {
            when: new Date(item.lastSent.at).toLocaleString(),
            template: item.lastSent.templateName,
            status: statusText(item.lastSent.status),
          })}
        </p>
      )}
      {(item.canSend || p.channel === 'alimtalk') && item.needsReconfirm && !p.result && (
        <label class="cp-ack cp-repeat">
          <input
            type="checkbox"
            data-testid="confirm-repeat"
            checked={p.repeatChosen}
            disabled={p.sending}
            onChange={(e) => p.onRepeat(e.currentTarget.checked)}
          />
          <span>{i18n.t('composeRepeat.again', { order: o.productOrderNo })}</span>
        </label>
      )}
      {error && (
        <p class="ot-error" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
