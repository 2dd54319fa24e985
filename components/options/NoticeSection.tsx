import { i18n } from '#i18n';
import { CopyField } from './CopyField';

/** The notice Kakao's review asks for: how and when customers get messages, and how to stop them. */
export function NoticeSection(props: { storeName: string }) {
  const text = i18n.t('options.noticeText', { store: props.storeName || '우리 스토어' });
  return (
    <section class="ot-card" data-testid="options-section-notice" aria-labelledby="notice-h">
      <h2 id="notice-h">{i18n.t('options.sectionNotice')}</h2>
      <CopyField label={i18n.t('options.notice')} testId="customer-notice" value={text} />
    </section>
  );
}
