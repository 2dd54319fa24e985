import '@/utils/zod-setup';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { readPopupCache } from '@/components/popup/popup-cache';
import { setDocumentLanguage } from '@/components/ui/document-language';
import '@/components/theme.css';

setDocumentLanguage();
// The display cache first (one storage read, a few ms), then the first render: the first paint already
// shows the operator, the counts and the last sends, with no wait on the background or Kakao.
const early = (globalThis as { ordertalkPopupCache?: Promise<unknown> }).ordertalkPopupCache;
void readPopupCache(early).then((cached) => render(<PopupApp cached={cached} />, document.getElementById('app')!));
