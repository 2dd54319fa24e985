import { createSolapiService } from '@/utils/background/solapi/service';
import { createSolapiCredentials } from '@/utils/background/secrets/solapi-credentials';
import { createAlimtalkChannel } from '@/utils/background/sending/alimtalk-channel';
import { createAlimtalkAccount } from './alimtalk-account';

/** The background's AlimTalk: one SOLAPI client on the sealed credentials, shared by options and sending. */
export function createBackgroundAlimtalk() {
  const credentials = createSolapiCredentials();
  const solapi = createSolapiService(() => credentials.get());
  return {
    solapi,
    account: createAlimtalkAccount(solapi, credentials),
    channel: createAlimtalkChannel(solapi, credentials),
  };
}
export type BackgroundAlimtalk = ReturnType<typeof createBackgroundAlimtalk>;
