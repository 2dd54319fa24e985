import { earlyPopupCache } from './early-cache';
import '@/utils/shared/zod-setup';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { readPopupCache } from '@/components/popup/popup-view';
import { setDocumentLanguage } from '@/components/ui/document-language';
import '@/components/theme.css';

setDocumentLanguage();
// The cached view first (one storage read, started above), then the first render: the first paint already
// shows the operator, the counts and the last sends, with no wait on the background or Kakao.
void readPopupCache(earlyPopupCache).then((cached) =>
  render(<PopupApp cached={cached} />, document.getElementById('app')!),
);
