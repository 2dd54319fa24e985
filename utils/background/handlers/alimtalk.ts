import type { Handlers } from '@/utils/background/server';
import type { AlimtalkAccount } from '@/utils/background/alimtalk/alimtalk-account';
import type { AlimtalkChannel } from '@/utils/background/sending/alimtalk-channel';
import { SolapiCredentialsSchema } from '@/utils/background/secrets/solapi-credentials';
import { getSettings } from '@/utils/background/storage/settings-store';

const BAD_KEY = {
  code: 'solapi-key-format',
  ko: 'API Key는 솔라피 콘솔 › API Key 관리에 나온 그대로 영문 대문자와 숫자예요(10자 이상). 다시 복사해 붙여 넣어 주세요.',
  en: 'The API Key is letters and digits as shown in SOLAPI console › API Key 관리 (10 or more). Copy it again.',
};
const BAD_SECRET = {
  code: 'solapi-secret-format',
  ko: 'API Secret은 API Key를 만들 때 한 번 보여 준 영문과 숫자예요(16자 이상). 잃어버렸다면 새 키를 만들어 주세요.',
  en: 'The API Secret is the letters and digits shown once when the key was made (16 or more). If lost, make a new key.',
};

/** alimtalk.*: the SOLAPI account in options, and delivery reports for compose and history. */
export function createAlimtalkHandlers(account: AlimtalkAccount, channel: AlimtalkChannel): Handlers {
  return {
    'alimtalk.state': () => account.state(),
    'alimtalk.setCredentials': async ({ credentials }) => {
      if (!credentials) return account.setCredentials(null);
      const parsed = SolapiCredentialsSchema.safeParse(credentials);
      if (!parsed.success) {
        const bad = parsed.error.issues[0]?.path[0] === 'apiSecret' ? BAD_SECRET : BAD_KEY;
        throw Object.assign(new Error(bad.en), bad);
      }
      return account.setCredentials(parsed.data);
    },
    'alimtalk.check': () => account.check(),
    'alimtalk.syncTemplates': () => account.syncTemplates(),
    'alimtalk.poll': async () => channel.poll(await getSettings()),
  };
}
