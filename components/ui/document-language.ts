import { isKorean } from './localized';

/** The page's lang follows the UI language, so screen readers pronounce it right (the HTML says ko). */
export function setDocumentLanguage(doc: Document = document): void {
  doc.documentElement.lang = isKorean() ? 'ko' : 'en';
}
