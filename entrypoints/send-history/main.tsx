import '@/utils/shared/zod-setup';
import { render } from 'preact';
import { HistoryApp } from '@/components/history/HistoryApp';
import '@/components/theme.css';

render(<HistoryApp />, document.getElementById('app')!);
