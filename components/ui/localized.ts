import { browser } from 'wxt/browser';
import { BackgroundError } from '@/utils/messaging/client';

/** Korean unless the browser UI is in another language (texts from the background come in both). */
export function isKorean(): boolean {
  try {
    return browser.i18n.getUILanguage().toLowerCase().startsWith('ko');
  } catch {
    return true;
  }
}

export function pick(text: { ko: string; en: string }): string {
  return isKorean() ? text.ko : text.en;
}

/** An error as the operator should read it: what happened, then what to do. */
export function errorMessage(error: unknown): string {
  if (error instanceof BackgroundError) {
    const w = error.wire;
    const fix = isKorean() ? w.fixKo : w.fixEn;
    return fix ? `${pick(w)} ${fix}` : pick(w);
  }
  return isKorean() ? '알 수 없는 오류가 발생했어요.' : 'Something went wrong.';
}
