import '@/utils/shared/zod-setup';
import { render } from 'preact';
import { OptionsApp } from '@/components/options/OptionsApp';
import { setDocumentLanguage } from '@/components/ui/document-language';
import '@/components/theme.css';

setDocumentLanguage();
render(<OptionsApp />, document.getElementById('app')!);
