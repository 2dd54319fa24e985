import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';
import type { SendService } from '@/utils/background/sending/send-service';
import { createSettingsHandlers } from './settings';
import { createReviewHandlers } from './review';
import { createAuthHandlers } from './auth';
import { createFriendsHandlers } from './friends';
import { createQuotaHandlers } from './quota';
import { createComposeHandlers } from './compose';
import { createLinkHandlers } from './link';
import { createSendHandlers } from './send';
import { createTemplatesHandlers } from './templates';
import { createHistoryHandlers } from './history';
import { createDataHandlers } from './data';
import { createCustomHandlers } from './custom';
import { createPopupHandlers, popupSourcesFrom, type PopupSources } from './popup';
import { createAlimtalkHandlers } from './alimtalk';
import type { AlimtalkAccount } from '@/utils/background/alimtalk/alimtalk-account';
import type { AlimtalkChannel } from '@/utils/background/sending/alimtalk-channel';
import { createBackgroundAlimtalk } from '@/utils/background/alimtalk/background-alimtalk';

export interface HandlerDeps {
  kakao: KakaoService;
  sending: SendService;
  /** Where the popup's view comes from; by default the Kakao service and storage. */
  popup?: PopupSources;
  /** The SOLAPI account and channel; by default the background's own, on the sealed credentials. */
  alimtalk?: { account: AlimtalkAccount; channel: AlimtalkChannel };
}

/** Every message the background answers, one group per file. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { kakao, sending } = deps;
  return {
    ping: async () => ({ ok: true }),
    ...createSettingsHandlers(kakao),
    ...createReviewHandlers(),
    ...createAuthHandlers(kakao),
    ...createFriendsHandlers(kakao),
    ...createQuotaHandlers(kakao),
    ...createComposeHandlers(sending, kakao),
    ...createLinkHandlers(sending),
    ...createSendHandlers(sending, kakao),
    ...createTemplatesHandlers(),
    ...createHistoryHandlers(),
    ...createDataHandlers(),
    ...createCustomHandlers(),
    ...createPopupHandlers(deps.popup ?? popupSourcesFrom(kakao)),
    ...(({ account, channel }) => createAlimtalkHandlers(account, channel))(
      deps.alimtalk ?? createBackgroundAlimtalk(),
    ),
  };
}
