import { i18n } from '#i18n';
import { Section } from '@/components/ui/Section';

/** Placeholder: the custom store-admin selector editor is built by another helper; the lead fills this in. */
export function CustomAdminSection() {
  return <Section name="custom-admin" title={i18n.t('options.customAdmin.title')} />;
}
