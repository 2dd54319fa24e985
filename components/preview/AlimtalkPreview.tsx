import { i18n } from '#i18n';
import type { AlimtalkPreview as Preview } from '@/utils/shared/alimtalk-wire';
import './preview.css';

/**
 * An AlimTalk as KakaoTalk shows it: from the channel (its name), under the yellow "알림톡 도착" header, the
 * approved template's text with this order's values, and the template's buttons. Text only; links never followed.
 */
export function AlimtalkPreview({ preview }: { preview: Preview }) {
  return (
    <figure class="kp at" data-testid="alimtalk-preview" aria-label={i18n.t('composeAlimtalk.alimtalkPreviewLabel')}>
      <div class="kp-sender">
        <span class="kp-avatar kp-initial at-avatar" aria-hidden="true">
          {[...(preview.channelName.replace(/^@/, '') || '채')][0]}
        </span>
        <span>
          <span class="kp-visually-hidden">{i18n.t('compose.sender')}: </span>
          <strong data-testid="alimtalk-preview-channel">{preview.channelName}</strong>
        </span>
      </div>
      <div class="kp-bubble at-bubble">
        <div class="at-head">{i18n.t('composeAlimtalk.alimtalkArrived')}</div>
        <div class="kp-text at-text" data-testid="alimtalk-preview-text">
          {preview.text}
        </div>
        {preview.buttons.map((b) => (
          <div class="kp-button" key={b.name}>
            {b.name}
          </div>
        ))}
      </div>
      <figcaption class="ot-muted kp-host">
        {i18n.t('composeAlimtalk.alimtalkTo', { phone: preview.phoneMasked, template: preview.templateName })}
      </figcaption>
    </figure>
  );
}
