import { i18n } from '#i18n';
import type { SendStatus } from '@/utils/messaging/wire';
import type { NextStep } from '@/components/popup/next-step';

export function statusText(status: SendStatus): string {
  switch (status) {
    case 'sent': return i18n.t('common.statusSent');
    case 'failed': return i18n.t('common.statusFailed');
    case 'unknown': return i18n.t('common.statusUnknown');
    case 'pending': return i18n.t('common.statusPending');
    case 'skipped': return i18n.t('common.statusSkipped');
  }
}

export function stepText(step: NextStep): string {
  switch (step) {
    case 'stepKey': return i18n.t('popup.stepKey');
    case 'stepSignIn': return i18n.t('popup.stepSignIn');
    case 'stepConsent': return i18n.t('popup.stepConsent');
    case 'stepTest': return i18n.t('popup.stepTest');
    case 'ready': return i18n.t('popup.ready');
  }
}
