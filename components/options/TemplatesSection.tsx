import { i18n } from '#i18n';
import { Section } from '@/components/ui/Section';

/** Placeholder: the message templates editor is built by another helper; the lead fills this in. */
export function TemplatesSection() {
  return <Section name="templates" title={i18n.t('options.templates.title')} />;
}
