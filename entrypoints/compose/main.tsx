import '@/utils/shared/zod-setup';
import { render } from 'preact';
import { ComposeApp } from '@/components/compose/ComposeApp';
import '@/components/theme.css';

render(<ComposeApp sessionId={location.hash.slice(1)} />, document.getElementById('app')!);
