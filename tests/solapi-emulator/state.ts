import { randomInt } from 'node:crypto';
import { Clock } from './clock';
import type { Account, KakaoState, Scenario } from './scenario';

/** After a group is sent each message shows 2000, then 3000 after this long, then its final code (§2.6). */
export const TO_CARRIER_MS = 1_000;
export const TO_FINAL_MS = 3_000;
/** A signature may be used once within 15 minutes; dates more than 15 minutes off are refused (§1.3). */
export const SKEW_MS = 15 * 60_000;
/** SMS up to 90 bytes (EUC-KR: Hangul 2 bytes), else LMS (§2.3). */
export const SMS_MAX_BYTES = 90;

export type GroupStatus = 'PENDING' | 'SENDING' | 'COMPLETE' | 'FAILED';
export interface EmuGroup {
  groupId: string;
  accountId: string;
  status: GroupStatus;
  allowDuplicates: boolean;
  messageIds: string[];
  dateCreated: number;
  dateSent?: number;
  dateCompleted?: number;
  dateUpdated: number;
  balance: { requested: number; replacement: number; refund: number };
  log: { createAt: string; message: string }[];
}

export interface EmuMessage {
  messageId: string;
  groupId: string;
  accountId: string;
  to: string;
  from?: string;
  type: string;
  pfId: string;
  templateId: string;
  variables: Record<string, string>;
  disableSms: boolean;
  customFields: Record<string, string>;
  /** The template with the variables filled in (also the SMS fallback's text). */
  text: string;
  /** 2000 when registered, else the refusal code (stored, never sent). */
  registeredCode: string;
  registeredMessage: string;
  kakao: KakaoState;
  sentAt?: number;
  finalCode?: string;
  replacement: boolean;
  replacementType?: 'SMS' | 'LMS';
  dateCreated: number;
  dateUpdated: number;
}

export type FaultKind = 'drop-after-processing' | '5xx' | 'latency' | 'drop-before-processing';
export interface Fault {
  method?: string;
  /** A route path as logged (group ids as `:groupId`, e.g. /messages/v4/groups/:groupId/send) or the raw path. */
  path: string;
  nth: number;
  kind: FaultKind;
  ms?: number;
  status?: number;
  /** For '5xx': process the request first, then answer the error (a gateway losing the real answer). */
  afterProcessing?: boolean;
  seen: number;
  fired: boolean;
}

export interface RequestLog {
  at: string;
  method: string;
  path: string;
  status: number;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** `M4V`/`G4V` + KST yyyyMMddHHmmss + 15 random characters = 32 (reference §5.2). */
export function newId(prefix: 'M4V' | 'G4V', nowMs: number): string {
  const kst = new Date(nowMs + 9 * 3600_000).toISOString().replace(/\D/g, '').slice(0, 14);
  let tail = '';
  for (let i = 0; i < 15; i++) tail += ALNUM[randomInt(ALNUM.length)];
  return `${prefix}${kst}${tail}`;
}

/** EUC-KR-like length: ASCII 1 byte, everything else 2. */
export function smsBytes(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) < 0x80 ? 1 : 2;
  return n;
}

export class World {
  readonly clock = new Clock();
  scenario!: Scenario;
  accounts = new Map<string, Account>();
  groups = new Map<string, EmuGroup>();
  messages = new Map<string, EmuMessage>();
  /** signature → when it may be used again. */
  usedSignatures = new Map<string, number>();
  faults: Fault[] = [];
  requests: RequestLog[] = [];

  constructor(scenario: Scenario) {
    this.load(scenario);
  }

  load(s: Scenario): void {
    this.scenario = structuredClone(s);
    this.accounts = new Map(this.scenario.accounts.map((a) => [a.apiKey, a]));
    this.groups = new Map();
    this.messages = new Map();
    this.usedSignatures = new Map();
    this.faults = [];
    this.requests = [];
    this.clock.reset();
  }

  account(accountId: string): Account | undefined {
    return [...this.accounts.values()].find((a) => a.accountId === accountId);
  }

  kakaoState(to: string): KakaoState {
    return this.scenario.phones[to] ?? 'user';
  }

  statusCode(m: EmuMessage): string {
    if (m.registeredCode !== '2000') return m.registeredCode;
    if (m.sentAt === undefined) return '2000';
    const elapsed = this.clock.now() - m.sentAt;
    if (elapsed < TO_CARRIER_MS) return '2000';
    if (elapsed < TO_FINAL_MS || !m.finalCode) return '3000';
    return m.finalCode;
  }

  /** Moves every sent message to where the clock says it is: final codes, refunds, SMS fallback charges. */
  tick(): void {
    const now = this.clock.now();
    for (const m of this.messages.values()) {
      if (m.sentAt === undefined || m.finalCode || now - m.sentAt < TO_FINAL_MS) continue;
      const group = this.groups.get(m.groupId)!;
      const account = this.account(m.accountId)!;
      m.finalCode = m.kakao === 'user' ? '4000' : m.kakao === 'non-user' ? '3104' : '3107';
      m.dateUpdated = m.sentAt + TO_FINAL_MS;
      if (m.finalCode === '4000') continue;
      // A failed AlimTalk is refunded; the substitute SMS/LMS is charged if it can go out.
      account.balance += account.prices.ata;
      group.balance.refund += account.prices.ata;
      const canFallBack = !m.disableSms && m.from !== undefined && account.senderNumbers.includes(m.from);
      if (!canFallBack) continue;
      const type = smsBytes(m.text) > SMS_MAX_BYTES ? 'LMS' : 'SMS';
      const price = type === 'SMS' ? account.prices.sms : account.prices.lms;
      if (account.balance < price) continue;
      account.balance -= price;
      group.balance.replacement += price;
      m.replacement = true;
      m.replacementType = type;
    }
    for (const g of this.groups.values()) {
      if (g.status !== 'SENDING') continue;
      const sent = g.messageIds.map((id) => this.messages.get(id)!).filter((m) => m.sentAt !== undefined);
      if (sent.every((m) => m.finalCode && now - m.sentAt! >= TO_FINAL_MS)) {
        g.status = sent.some((m) => m.finalCode === '4000' || m.replacement) ? 'COMPLETE' : 'FAILED';
        g.dateCompleted = g.dateUpdated = Math.max(...sent.map((m) => m.dateUpdated));
      }
    }
  }

  groupJson(g: EmuGroup): Record<string, unknown> {
    const msgs = g.messageIds.map((id) => this.messages.get(id)!);
    const codes = msgs.map((m) => this.statusCode(m));
    const sent = msgs.filter((m) => m.sentAt !== undefined);
    const iso = (ms?: number) => (ms === undefined ? null : new Date(ms).toISOString());
    const registeredSuccess = msgs.filter((m) => m.registeredCode === '2000').length;
    const ata = sent.length;
    return {
      groupId: g.groupId,
      _id: g.groupId,
      accountId: g.accountId,
      masterAccountId: null,
      apiVersion: '4',
      status: g.status,
      allowDuplicates: g.allowDuplicates,
      isRefunded: false,
      count: {
        total: msgs.length,
        sentTotal: sent.length,
        sentFailed: sent.filter((m) => !['2000', '3000', '4000'].includes(this.statusCode(m))).length,
        sentSuccess: codes.filter((c) => c === '4000').length,
        sentPending: sent.filter((m) => ['2000', '3000'].includes(this.statusCode(m))).length,
        sentReplacement: msgs.filter((m) => m.replacement).length,
        refund: msgs.filter((m) => m.finalCode && m.finalCode !== '4000').length,
        registeredFailed: msgs.length - registeredSuccess,
        registeredSuccess,
      },
      countForCharge: { sms: {}, lms: {}, mms: {}, ata: ata ? { '82': ata } : {}, cta: {}, cti: {}, nsa: {} },
      balance: {
        ...g.balance,
        sum: g.balance.requested + g.balance.replacement - g.balance.refund,
      },
      point: { requested: 0, replacement: 0, refund: 0, sum: 0 },
      log: g.log,
      price: { '82': {} },
      scheduledDate: null,
      dateSent: iso(g.dateSent),
      dateCompleted: iso(g.dateCompleted),
      dateCreated: iso(g.dateCreated),
      dateUpdated: iso(g.dateUpdated),
    };
  }

  messageJson(m: EmuMessage): Record<string, unknown> {
    const code = this.statusCode(m);
    const status = code === '2000' ? 'PENDING' : code === '3000' ? 'SENDING' : code === '4000' ? 'COMPLETE' : 'FAILED';
    return {
      messageId: m.messageId,
      groupId: m.groupId,
      accountId: m.accountId,
      to: m.to,
      from: m.from ?? null,
      type: m.type,
      country: '82',
      text: m.text,
      status,
      statusCode: code,
      reason: code === '4000' ? '정상 처리' : code === '2000' ? '정상 접수(이통사로 접수 예정) ' : null,
      replacement: m.replacement ? 1 : 0,
      customFields: m.customFields,
      kakaoOptions: { pfId: m.pfId, templateId: m.templateId, disableSms: m.disableSms },
      dateCreated: new Date(m.dateCreated).toISOString(),
      dateUpdated: new Date(m.dateUpdated).toISOString(),
    };
  }
}
