import { z } from 'zod';
import { jsonBody, send, solapiError, type Ctx } from './http';
import type { Account, Template } from './scenario';
import { newId, type EmuGroup, type EmuMessage, type World } from './state';

// SOLAPI's endpoints as reference §3–§6 describe them. Choices where SOLAPI is UNCONFIRMED (README.md):
// GroupAlreadySent (400) for a send of a group that is not PENDING, NotEnoughBalance (400) when the balance
// does not cover the accepted AlimTalks at send, NotFound (404) for an unknown group, 1042 for a template that is
// not APPROVED, 1043 for a missing #{variable}, 3010 for a malformed number.

export type Handler = (world: World, ctx: Ctx, account: Account, params: Record<string, string>) => void;

const MAX_ADD = 10_000;
const OK_TEXT = '정상 접수(이통사로 접수 예정) ';

function paginate<T>(ctx: Ctx, world: World, items: T[], id: (t: T) => string) {
  const limit = Math.min(Number(ctx.url.searchParams.get('limit')) || 20, world.scenario.maxPageSize);
  const startKey = ctx.url.searchParams.get('startKey');
  const start = startKey
    ? Math.max(
        0,
        items.findIndex((t) => id(t) === startKey),
      )
    : 0;
  const next = items[start + limit];
  return {
    page: items.slice(start, start + limit),
    startKey: startKey ?? null,
    nextKey: next ? id(next) : null,
    limit,
  };
}

export const channels: Handler = (world, ctx, account) => {
  const list = account.channels.map((c) => ({
    channelId: c.channelId,
    searchId: c.searchId,
    accountId: account.accountId,
    phoneNumber: c.phoneNumber ?? null,
    sharedAccountIds: [],
    dateCreated: '2026-04-01T00:00:00.000Z',
    dateUpdated: '2026-04-01T00:00:00.000Z',
  }));
  const p = paginate(ctx, world, list, (c) => c.channelId);
  send(ctx, 200, { limit: p.limit, startKey: p.startKey, nextKey: p.nextKey, channelList: p.page });
};

const variableNames = (content: string) => [...content.matchAll(/#\{([^}]+)\}/g)].map((m) => `#{${m[1]}}`);

function templateJson(account: Account, t: Template) {
  return {
    templateId: t.templateId,
    name: t.name,
    channelId: t.channelId,
    channelGroupId: null,
    assignType: 'CHANNEL',
    accountId: account.accountId,
    securityFlag: false,
    categoryCode: '001001',
    isHidden: t.isHidden,
    content: t.content,
    messageType: 'BA',
    emphasizeType: 'NONE',
    buttons: t.buttons,
    quickReplies: [],
    comments: [],
    commentable: false,
    status: t.status,
    variables: [...new Set(variableNames(t.content))].map((name) => ({ name })),
    dateCreated: '2026-04-01T00:00:00.000Z',
    dateUpdated: '2026-04-02T00:00:00.000Z',
  };
}

export const templates: Handler = (world, ctx, account) => {
  const q = ctx.url.searchParams;
  const list = account.templates
    .filter((t) => !q.get('channelId') || t.channelId === q.get('channelId'))
    .filter((t) => !q.get('status') || t.status === q.get('status'))
    .map((t) => templateJson(account, t));
  const p = paginate(ctx, world, list, (t) => t.templateId);
  send(ctx, 200, { limit: p.limit, startKey: p.startKey, nextKey: p.nextKey, templateList: p.page });
};

export const sendableTemplates: Handler = (_world, ctx, account) => {
  const q = ctx.url.searchParams;
  send(
    ctx,
    200,
    account.templates
      .filter((t) => t.status === 'APPROVED' && !t.isHidden)
      .filter((t) => !q.get('channelId') || t.channelId === q.get('channelId'))
      .filter((t) => !q.get('templateId') || t.templateId === q.get('templateId'))
      .map((t) => templateJson(account, t)),
  );
};

export const balance: Handler = (_world, ctx, account) =>
  send(ctx, 200, {
    lowBalanceAlert: {
      notificationBalance: '200',
      currentBalance: String(account.balance),
      balances: [200],
      channels: ['EMAIL'],
      enabled: false,
    },
    point: account.point,
    minimumCash: 3000,
    rechargeTo: 50000,
    rechargeTryCount: 0,
    autoRecharge: 0,
    accountId: account.accountId,
    balance: account.balance,
    deposit: 0,
    balanceOnly: account.balance,
  });

export const pricing: Handler = (_world, ctx, account) => {
  const country = ctx.url.searchParams.get('countryId') ?? '82';
  if (country !== '82') return solapiError(ctx, 400, 'ValidationError', '지원하지 않는 국가코드입니다.');
  send(ctx, 200, {
    countryName: 'Korea, South',
    countryId: '82',
    ...account.prices,
    mms: 200,
    cta: 13,
    cti: 20,
    dateCreated: '2019-10-28T18:03:40.659Z',
    dateUpdated: '2019-10-28T18:03:40.659Z',
  });
};

function newGroup(world: World, account: Account, allowDuplicates: boolean): EmuGroup {
  const now = world.clock.now();
  const g: EmuGroup = {
    groupId: newId('G4V', now),
    accountId: account.accountId,
    status: 'PENDING',
    allowDuplicates,
    messageIds: [],
    dateCreated: now,
    dateUpdated: now,
    balance: { requested: 0, replacement: 0, refund: 0 },
    log: [{ createAt: new Date(now).toISOString(), message: '메시지 그룹이 생성되었습니다.' }],
  };
  world.groups.set(g.groupId, g);
  return g;
}

export const createGroup: Handler = (world, ctx, account) => {
  const body = z
    .object({ allowDuplicates: z.boolean().optional() })
    .loose()
    .safeParse(jsonBody(ctx) ?? {});
  if (!body.success) return solapiError(ctx, 400, 'ValidationError', '요청 형식이 올바르지 않습니다.');
  send(ctx, 200, world.groupJson(newGroup(world, account, body.data.allowDuplicates ?? false)));
};

function ownGroup(world: World, ctx: Ctx, account: Account, groupId: string): EmuGroup | undefined {
  const g = world.groups.get(groupId);
  if (g && g.accountId === account.accountId) return g;
  solapiError(ctx, 404, 'NotFound', '해당 그룹을 찾을 수 없습니다.');
  return undefined;
}

const MessageIn = z
  .object({
    to: z.union([z.string(), z.number()]).transform(String),
    from: z.union([z.string(), z.number()]).transform(String).optional(),
    type: z.string().optional(),
    kakaoOptions: z
      .object({
        pfId: z.string(),
        templateId: z.string(),
        variables: z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).default({}),
        disableSms: z.boolean().default(false),
      })
      .loose(),
    customFields: z.record(z.string(), z.string()).default({}),
  })
  .loose();

/** Registers the messages into the group; refused ones are stored with their code (never sent). */
function addToGroup(world: World, account: Account, g: EmuGroup, input: z.infer<typeof MessageIn>[]): EmuMessage[] {
  const now = world.clock.now();
  const taken = new Set(
    g.messageIds
      .map((id) => world.messages.get(id)!)
      .filter((m) => m.registeredCode === '2000')
      .map((m) => m.to),
  );
  const added = input.map((m) => {
    const { pfId, templateId, variables, disableSms } = m.kakaoOptions;
    const template = account.templates.find((t) => t.templateId === templateId && t.channelId === pfId);
    let text = template?.content ?? '';
    for (const name of variableNames(text))
      if (variables[name] !== undefined) text = text.split(name).join(variables[name]);
    const refuse = (): [string, string] | undefined => {
      if (!/^01\d{8,9}$/.test(m.to)) return ['3010', '수신번호 형식 오류'];
      if (m.type !== undefined && m.type !== 'ATA') return ['3010', '이 에뮬레이터는 ATA만 받습니다.'];
      if (!account.channels.some((c) => c.channelId === pfId)) return ['1041', '유효한 플러스 친구 값이 아닙니다.'];
      if (!template) return ['1042', '유효한 템플릿 아이디가 아닙니다.'];
      if (template.status !== 'APPROVED') return ['1042', `검수 승인되지 않은 템플릿입니다(${template.status}).`];
      const missing = variableNames(template.content).filter((v) => variables[v] === undefined);
      if (missing.length) return ['1043', `등록한 템플릿과 내용이 다릅니다(${missing.join(', ')} 없음).`];
      if (text.length > 1000) return ['1031', '메시지 길이 초과'];
      if (m.from !== undefined && !account.senderNumbers.includes(m.from)) return ['1062', '발신번호 미등록'];
      if (!g.allowDuplicates && taken.has(m.to))
        return [
          '1026',
          '중복 수신번호(동일한 수신번호로 전송했을 때, 중복 전송을 방지하기 위해 1개의 메시지를 제외 한 다른 메시지를 실패 처리 합니다.)',
        ];
      return undefined;
    };
    const refused = refuse();
    if (!refused) taken.add(m.to);
    const msg: EmuMessage = {
      messageId: newId('M4V', now),
      groupId: g.groupId,
      accountId: account.accountId,
      to: m.to,
      from: m.from,
      type: 'ATA',
      pfId,
      templateId,
      variables,
      disableSms,
      customFields: m.customFields,
      text,
      registeredCode: refused?.[0] ?? '2000',
      registeredMessage: refused?.[1] ?? OK_TEXT,
      kakao: world.kakaoState(m.to),
      replacement: false,
      dateCreated: now,
      dateUpdated: now,
    };
    world.messages.set(msg.messageId, msg);
    g.messageIds.push(msg.messageId);
    return msg;
  });
  g.dateUpdated = now;
  g.log.push({
    createAt: new Date(now).toISOString(),
    message: `국가코드(82)의 알림톡(ATA) ${added.length} 건이 추가되었습니다.`,
  });
  return added;
}

const resultJson = (m: EmuMessage, withCustomFields = true) => ({
  to: m.to,
  from: m.from ?? null,
  type: m.type,
  country: '82',
  messageId: m.messageId,
  statusCode: m.registeredCode,
  statusMessage: m.registeredMessage,
  accountId: m.accountId,
  ...(withCustomFields && { customFields: m.customFields }),
});

/** Reads `messages` from the body; answers the 400/413 itself when it is unusable. */
function messagesIn(ctx: Ctx): z.infer<typeof MessageIn>[] | undefined {
  const body = jsonBody(ctx) as { messages?: unknown } | undefined;
  if (!Array.isArray(body?.messages)) {
    solapiError(ctx, 400, 'ValidationError', 'messages 의 데이터 타입은 배열이어야 됩니다.');
    return undefined;
  }
  if (body.messages.length > MAX_ADD) {
    solapiError(ctx, 413, 'RecipientsTooMany', '한 번에 추가할 수 있는 수신번호는 최대 10000건 입니다.');
    return undefined;
  }
  const parsed = z.array(MessageIn).safeParse(body.messages);
  if (!parsed.success) {
    solapiError(
      ctx,
      400,
      'ValidationError',
      `메시지 형식이 올바르지 않습니다: ${parsed.error.issues[0]?.path.join('.')}`,
    );
    return undefined;
  }
  return parsed.data;
}

export const addMessages: Handler = (world, ctx, account, { groupId }) => {
  const g = ownGroup(world, ctx, account, groupId!);
  if (!g) return;
  if (g.status !== 'PENDING') return solapiError(ctx, 400, 'GroupAlreadySent', '이미 발송된 그룹입니다.');
  const input = messagesIn(ctx);
  if (!input) return;
  const added = addToGroup(world, account, g, input);
  send(ctx, 200, {
    errorCount: added.filter((m) => m.registeredCode !== '2000').length,
    // The documented resultList fields (reference §3.3): no customFields echo here.
    resultList: added.map((m) => resultJson(m, false)),
  });
};

/** Sends the group's registered messages once; answers the error itself when it cannot. */
function sendGroupNow(world: World, ctx: Ctx, account: Account, g: EmuGroup): boolean {
  if (g.status !== 'PENDING') {
    solapiError(ctx, 400, 'GroupAlreadySent', '이미 발송된 그룹입니다.');
    return false;
  }
  const ready = g.messageIds.map((id) => world.messages.get(id)!).filter((m) => m.registeredCode === '2000');
  if (ready.length === 0) {
    solapiError(ctx, 400, 'ValidationError', '발송할 메시지가 없습니다.');
    return false;
  }
  const cost = ready.length * account.prices.ata;
  if (account.balance < cost) {
    solapiError(ctx, 400, 'NotEnoughBalance', `잔액이 부족합니다(필요 ${cost}원, 잔액 ${account.balance}원).`);
    return false;
  }
  const now = world.clock.now();
  account.balance -= cost;
  g.balance.requested += cost;
  for (const m of ready) {
    m.sentAt = now;
    m.dateUpdated = now;
  }
  g.status = 'SENDING';
  g.dateSent = g.dateUpdated = now;
  g.log.push({ createAt: new Date(now).toISOString(), message: '메시지를 발송했습니다.' });
  return true;
}

export const sendGroup: Handler = (world, ctx, account, { groupId }) => {
  const g = ownGroup(world, ctx, account, groupId!);
  if (g && sendGroupNow(world, ctx, account, g)) send(ctx, 200, world.groupJson(g));
};

export const getGroup: Handler = (world, ctx, account, { groupId }) => {
  const g = ownGroup(world, ctx, account, groupId!);
  if (g) send(ctx, 200, world.groupJson(g));
};

function messagePage(world: World, ctx: Ctx, list: EmuMessage[]) {
  const p = paginate(ctx, world, list, (m) => m.messageId);
  send(ctx, 200, {
    startKey: p.startKey,
    nextKey: p.nextKey,
    limit: p.limit,
    messageList: Object.fromEntries(p.page.map((m) => [m.messageId, world.messageJson(m)])),
  });
}

export const groupMessages: Handler = (world, ctx, account, { groupId }) => {
  const g = ownGroup(world, ctx, account, groupId!);
  if (g)
    messagePage(
      world,
      ctx,
      g.messageIds.map((id) => world.messages.get(id)!),
    );
};

export const messageList: Handler = (world, ctx, account) => {
  const q = ctx.url.searchParams;
  messagePage(
    world,
    ctx,
    [...world.messages.values()].filter(
      (m) =>
        m.accountId === account.accountId &&
        (!q.get('groupId') || m.groupId === q.get('groupId')) &&
        (!q.get('to') || m.to === q.get('to')) &&
        (!q.get('messageId') || m.messageId === q.get('messageId')),
    ),
  );
};

export const sendManyDetail: Handler = (world, ctx, account) => {
  const body = (jsonBody(ctx) ?? {}) as { allowDuplicates?: unknown; showMessageList?: unknown };
  const input = messagesIn(ctx);
  if (!input) return;
  const g = newGroup(world, account, body.allowDuplicates === true);
  const added = addToGroup(world, account, g, input);
  const failed = added.filter((m) => m.registeredCode !== '2000');
  // Everything refused: still 200 (reference §8.3); the group stays unsent.
  if (failed.length < added.length) {
    const inner = { ...ctx, status: 0 };
    if (!sendGroupNow(world, inner, account, g)) return void (ctx.status = inner.status);
  }
  send(ctx, 200, {
    groupInfo: world.groupJson(g),
    failedMessageList: failed.map((m) => resultJson(m)),
    ...(body.showMessageList === true && {
      messageList: added
        .filter((m) => m.registeredCode === '2000')
        .map((m) => ({
          messageId: m.messageId,
          statusCode: '2000',
          statusMessage: OK_TEXT,
          customFields: m.customFields,
        })),
    }),
  });
};
