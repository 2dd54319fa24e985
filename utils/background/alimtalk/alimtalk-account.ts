import type { SolapiService } from '@/utils/background/solapi/service';
import type { SolapiCredentialsStore } from '@/utils/background/secrets/solapi-credentials';
import { getSettings } from '@/utils/background/storage/settings-store';
import {
  getSyncedTemplates,
  saveSyncedTemplates,
  type SyncedTemplate,
} from '@/utils/background/storage/alimtalk-templates';
import { variableMapping } from '@/utils/shared/alimtalk';
import type { AlimtalkCheck, AlimtalkState, AlimtalkTemplate } from '@/utils/shared/alimtalk-wire';
import { templateProblem } from '@/utils/background/sending/alimtalk-render';

// The operator's SOLAPI account as options shows it: credentials (set or not), the connection check with balance and
// prices, and the channel's templates with each variable's field and whether the template can answer a notice.

const NO_CHANNEL = {
  code: 'no-channel',
  ko: '먼저 카카오톡 채널을 골라 주세요.',
  en: 'Choose the KakaoTalk channel first.',
};

export function createAlimtalkAccount(solapi: SolapiService, credentials: SolapiCredentialsStore) {
  async function state(): Promise<AlimtalkState> {
    const [cred, synced, settings] = await Promise.all([credentials.describe(), getSyncedTemplates(), getSettings()]);
    return {
      credentials: cred,
      templates: (synced?.templates ?? []).map((t) => describeTemplate(t, settings.alimtalk.mappings[t.templateId])),
      ...(synced && { syncedAt: synced.syncedAt, syncedChannelId: synced.channelId }),
    };
  }

  return {
    state,
    async setCredentials(value: { apiKey: string; apiSecret: string } | null): Promise<AlimtalkState> {
      await credentials.set(value);
      return state();
    },
    /** 연결 확인: the key works, and what the account has — balance, its own prices, its channels. */
    async check(): Promise<AlimtalkCheck> {
      const [balance, prices, channels] = await Promise.all([solapi.balance(), solapi.pricing(), solapi.channels()]);
      return {
        balance: balance.balance,
        point: balance.point,
        prices,
        channels: channels.map((c) => ({ channelId: c.channelId, name: c.searchId || c.channelId })),
      };
    },
    /** Reads the channel's templates (every status, so a rejected one says so) and which are sendable now. */
    async syncTemplates(): Promise<AlimtalkState> {
      const { alimtalk } = await getSettings();
      if (!alimtalk.channelId) throw Object.assign(new Error(NO_CHANNEL.en), NO_CHANNEL);
      const [all, sendable] = await Promise.all([
        solapi.templates(alimtalk.channelId),
        solapi.sendableTemplates(alimtalk.channelId),
      ]);
      const sendableIds = new Set(sendable.map((t) => t.templateId));
      const templates: SyncedTemplate[] = all
        .filter((t) => !t.isHidden)
        .slice(0, 500)
        .map((t) => ({
          templateId: t.templateId,
          name: t.name.slice(0, 200),
          content: t.content.slice(0, 2000),
          status: t.status.slice(0, 30),
          sendable: sendableIds.has(t.templateId),
          buttons: (t.buttons ?? []).slice(0, 5).map((b) => ({
            name: b.buttonName.slice(0, 50),
            type: b.buttonType.slice(0, 10),
            ...((b.linkMo ?? b.linkPc) && { url: (b.linkMo ?? b.linkPc)!.slice(0, 1000) }),
          })),
        }));
      await saveSyncedTemplates({ channelId: alimtalk.channelId, syncedAt: Date.now(), templates });
      return state();
    },
  };
}
export type AlimtalkAccount = ReturnType<typeof createAlimtalkAccount>;

export function describeTemplate(t: SyncedTemplate, saved?: Record<string, string>): AlimtalkTemplate {
  const { mapping } = variableMapping(t.content, saved as never);
  const problem = templateProblem(t, mapping);
  return {
    templateId: t.templateId,
    name: t.name,
    content: t.content,
    status: t.status,
    sendable: t.sendable,
    buttons: t.buttons,
    variables: Object.keys(mapping),
    mapping,
    ...(problem && { problem }),
  };
}
