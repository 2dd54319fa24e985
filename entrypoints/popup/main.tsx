import '@/utils/zod-setup';
import { render } from 'preact';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/theme.css';

render(<PopupApp />, document.getElementById('app')!);
