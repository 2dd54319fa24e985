import type { Handlers } from '@/utils/background/server';
import type { KakaoService } from '@/utils/background/kakao/service';
import { quotaView } from '@/utils/background/kakao/background-kakao';

/** quota.*: what is left of today's Kakao sending caps. */
export function createQuotaHandlers(kakao: KakaoService): Handlers {
  return {
    'quota.get': ({ receiverUuid }) => quotaView(kakao, receiverUuid),
  };
}
