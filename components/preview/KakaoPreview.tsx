import { i18n } from '#i18n';
import type { Preview } from '@/utils/shared/wire';
import './preview.css';

/** The host a button opens, shown under it ("" while it is not a URL). */
function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

/**
 * What the customer will see in KakaoTalk: the sender (the operator's own KakaoTalk name and picture, when
 * known), the message, its buttons and where each opens. Text only (Preact escapes it); links are never followed.
 */
export function KakaoPreview({
  preview,
  sender,
}: {
  preview: Preview;
  sender?: { nickname?: string; pictureUrl?: string } | null;
}) {
  const over = preview.charCount > preview.charLimit;
  const hosts = [...new Set(preview.buttons.map((b) => host(b.url)).filter(Boolean))];
  return (
    <figure class="kp" data-testid="preview" aria-label={i18n.t('compose.previewLabel')}>
      {sender !== undefined && (
        <div class="kp-sender" data-testid="preview-sender">
          {sender?.nickname ? (
            <>
              {sender.pictureUrl ? (
                <img
                  class="kp-avatar"
                  src={sender.pictureUrl}
                  alt=""
                  width={32}
                  height={32}
                  referrerpolicy="no-referrer"
                />
              ) : (
                <span class="kp-avatar kp-initial" aria-hidden="true">
                  {[...sender.nickname][0]}
                </span>
              )}
              <span>
                <span class="kp-visually-hidden">{i18n.t('compose.sender')}: </span>
                <strong data-testid="preview-sender-name">{sender.nickname}</strong>
              </span>
            </>
          ) : (
            <small>{i18n.t('compose.senderUnknown')}</small>
          )}
        </div>
      )}
      <div class="kp-bubble">
        {preview.imageUrl && <img class="kp-img" src={preview.imageUrl} alt="" referrerpolicy="no-referrer" />}
        {preview.title && <div class="kp-title">{preview.title}</div>}
        {preview.layout === 'text' ? (
          <div class="kp-text">{preview.text}</div>
        ) : (
          <div class="kp-desc">{preview.description}</div>
        )}
        {preview.layout === 'commerce' && preview.price !== undefined && (
          <div class="kp-price">{preview.price.toLocaleString('ko-KR')}원</div>
        )}
        {preview.buttons.map((b) => (
          <div class="kp-button" title={b.url} key={b.title + b.url}>
            {b.title}
          </div>
        ))}
        {hosts.length > 0 && (
          <div class="kp-host" data-testid="preview-link-host">
            {i18n.t('compose.linkHost', { host: hosts.join(', ') })}
          </div>
        )}
      </div>
      <figcaption class={over ? 'kp-count kp-over' : 'kp-count'} data-testid="char-count">
        {preview.charCount} / {preview.charLimit}
      </figcaption>
    </figure>
  );
}
