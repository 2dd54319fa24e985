import { browser } from 'wxt/browser';
import { popupProtocol, type PopupInput, type PopupMessageType, type PopupState } from '@/utils/shared/popup-protocol';
import { readReply } from '@/utils/shared/reply';

/** The popup's calls: the same envelope as callBackground, checked against the popup's zod/mini map. */
export async function callPopupBackground<T extends PopupMessageType>(
  type: T,
  input: PopupInput<T>,
): Promise<PopupState> {
  return readReply(popupProtocol[type].output, await browser.runtime.sendMessage({ type, input })) as PopupState;
}
