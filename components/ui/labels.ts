import { i18n } from '#i18n';
import type { SendStatus } from '@/utils/shared/wire';

/** A send's outcome in the operator's words: the one label for the popup, history and compose. */
export function statusText(status: SendStatus): string {
  switch (status) {
    case 'sent':
      return i18n.t('common.statusSent');
    case 'failed':
      return i18n.t('common.statusFailed');
    case 'unknown':
      return i18n.t('common.statusUnknown');
    case 'pending':
      return i18n.t('common.statusPending');
    case 'skipped':
      return i18n.t('common.statusSkipped');
  }
}
