// SOLAPI calls the extension makes, one method per endpoint (/work/shared/reference/solapi.md §3.3, §4, §5, §6).
// Lists are read to the end through nextKey → startKey.
import { z } from 'zod';
import { createSolapiRequest, type SolapiCredentials, type SolapiHttpOptions, type SolapiRequest } from './http';
import {
  AddMessagesResponseSchema,
  AtaMessageSchema,
  BalanceSchema,
  ChannelPageSchema,
  MessagePageSchema,
  PricingSchema,
  SendableSchema,
  SolapiGroupSchema,
  TemplatePageSchema,
  type AddResult,
  type AtaMessage,
  type SolapiChannel,
  type SolapiGroup,
  type SolapiTemplate,
  type StoredMessage,
} from './schemas';

export type { SolapiCredentials } from './http';
export type { AddResult, AtaMessage, SolapiChannel, SolapiGroup, SolapiTemplate, StoredMessage } from './schemas';

export interface SolapiServiceOptions extends Pick<SolapiHttpOptions, 'sleep'> {
  fetch?: typeof fetch;
  now?: () => number;
  origin?: string;
  timeoutMs?: number;
}

/** A runaway cursor (a server answering the same nextKey forever) stops here. */
export const MAX_PAGES = 200;
const PAGE_LIMIT = 100;

async function allPages<T>(
  fetchPage: (startKey: string | undefined) => Promise<{ items: T[]; nextKey?: string }>,
): Promise<T[]> {
  const items: T[] = [];
  let startKey: string | undefined;
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await fetchPage(startKey);
    items.push(...r.items);
    if (!r.nextKey || seen.has(r.nextKey)) break;
    seen.add(r.nextKey);
    startKey = r.nextKey;
  }
  return items;
}

function query(path: string, params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

const groupPath = (groupId: string) => `/messages/v4/groups/${encodeURIComponent(groupId)}`;

export function createSolapiService(
  credentials: () => Promise<SolapiCredentials | null>,
  opts: SolapiServiceOptions = {},
) {
  const request: SolapiRequest = createSolapiRequest(credentials, opts);
  return {
    async channels(): Promise<SolapiChannel[]> {
      return allPages(async (startKey) => {
        const p = await request('GET', query('/kakao/v2/channels', { limit: PAGE_LIMIT, startKey }), ChannelPageSchema);
        return { items: p.channelList, nextKey: p.nextKey };
      });
    },
    /** Every template of the channel, whatever its status (the picker shows why one cannot be used). */
    async templates(channelId: string): Promise<SolapiTemplate[]> {
      return allPages(async (startKey) => {
        const p = await request(
          'GET',
          query('/kakao/v2/templates', { channelId, limit: PAGE_LIMIT, startKey }),
          TemplatePageSchema,
        );
        return { items: p.templateList, nextKey: p.nextKey };
      });
    },
    async sendableTemplates(channelId: string): Promise<SolapiTemplate[]> {
      return request('GET', query('/kakao/v2/templates/sendable', { channelId }), SendableSchema);
    },
    async balance(): Promise<{ balance: number; point: number }> {
      const b = await request('GET', '/cash/v1/balance', BalanceSchema);
      return { balance: b.balance, point: b.point };
    },
    async pricing(): Promise<{ ata: number; sms: number; lms: number }> {
      const p = await request('GET', '/pricing/v1/messaging?countryId=82', PricingSchema);
      return { ata: p.ata, sms: p.sms, lms: p.lms };
    },
    async createGroup(): Promise<{ groupId: string }> {
      const g = await request('POST', '/messages/v4/groups', SolapiGroupSchema, { allowDuplicates: false });
      return { groupId: g.groupId };
    },
    async addMessages(groupId: string, messages: AtaMessage[]): Promise<AddResult[]> {
      const valid = z.array(AtaMessageSchema).min(1).max(10_000).parse(messages);
      const r = await request('PUT', `${groupPath(groupId)}/messages`, AddMessagesResponseSchema, { messages: valid });
      return r.resultList;
    },
    async sendGroup(groupId: string): Promise<SolapiGroup> {
      return request('POST', `${groupPath(groupId)}/send`, SolapiGroupSchema);
    },
    async getGroup(groupId: string): Promise<SolapiGroup> {
      return request('GET', groupPath(groupId), SolapiGroupSchema);
    },
    async groupMessages(groupId: string): Promise<StoredMessage[]> {
      return allPages(async (startKey) => {
        const p = await request(
          'GET',
          query(`${groupPath(groupId)}/messages`, { limit: PAGE_LIMIT, startKey }),
          MessagePageSchema,
        );
        return { items: p.messageList, nextKey: p.nextKey };
      });
    },
  };
}
export type SolapiService = ReturnType<typeof createSolapiService>;
