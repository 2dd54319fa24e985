import { browser } from 'wxt/browser';
import { BackgroundError } from '@/utils/shared/background-error';

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

export interface ErrorView {
  text: string;
  fix?: string;
  /** The background's hint for a fixing action ('sign-in', 'grant-consent', 'open-settings', 'retry', …). */
  action?: string;
}

/**
 * An error as the operator should read it: what happened, then what to do. Anything that is not the
 * background's bilingual error (no background, a crash) gets the caller's fallback, never the raw text.
 */
export function describeError(error: unknown, fallback: string): ErrorView {
  if (error instanceof BackgroundError) {
    const w = error.wire;
    return { text: pick(w), fix: (isKorean() ? w.fixKo : w.fixEn) || undefined, action: w.action };
  }
  return { text: fallback };
}

/** One line for places that show what happened and the fix together. */
export function errorMessage(error: unknown): string {
  const view = describeError(error, isKorean() ? '알 수 없는 오류가 발생했어요.' : 'Something went wrong.');
  return view.fix ? `${view.text} ${view.fix}` : view.text;
}
