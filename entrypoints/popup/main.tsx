import '@/utils/zod-setup';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import { setDocumentLanguage } from '@/components/ui/document-language';
import '@/components/theme.css';

setDocumentLanguage();
render(<PopupApp />, document.getElementById('app')!);
