import { storage } from 'wxt/utils/storage';
import { OPTIONS_VIEW } from '@/utils/shared/storage-keys';

// The operator's explicit choice between the step-by-step wizard and plain sections (none = decide from setup).
export type OptionsView = 'wizard' | 'sections';
const item = storage.defineItem<unknown>(OPTIONS_VIEW.key, { fallback: null });

export async function getViewPreference(): Promise<OptionsView | undefined> {
  try {
    const v = await item.getValue();
    return v === 'wizard' || v === 'sections' ? v : undefined;
  } catch {
    return undefined;
  }
}

export async function setViewPreference(view: OptionsView): Promise<void> {
  await item.setValue(view).catch(() => undefined);
}

export async function clearViewPreference(): Promise<void> {
  await item.removeValue();
}
