import { i18n } from '#i18n';
import type { Preview } from '@/utils/shared/wire';
import './preview.css';

/** What the customer will see in KakaoTalk. Text only (Preact escapes it); links are shown, never followed. */
export function KakaoPreview({ preview }: { preview: Preview }) {
  const over = preview.charCount > preview.charLimit;
  return (
    <figure class="kp" data-testid="preview" aria-label={i18n.t('compose.previewLabel')}>
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
      </div>
      <figcaption class={over ? 'kp-count kp-over' : 'kp-count'} data-testid="char-count">
        {preview.charCount} / {preview.charLimit}
      </figcaption>
    </figure>
  );
}
