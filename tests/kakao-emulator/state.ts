import { createHash, randomBytes } from 'node:crypto';
import { Clock, seoulDay } from './clock';
import type { App, Scenario, ScopeId, User } from './scenario';

export const ACCESS_TTL_S = 21599; // 6 h for REST-issued tokens
export const REFRESH_TTL_S = 5183999; // 60 days
export const REFRESH_ROTATE_BELOW_S = 30 * 24 * 3600; // a new refresh token only when < 1 month is left
export const QUOTA = { sender: 100, receiver: 100, pair: 20 } as const;
/** Kakao unlinks a user whose token saw no user-info call within a day of connecting (DevTalk notice 111463). */
export const INFO_CALL_WINDOW_MS = 24 * 3600_000;

export interface AuthCode {
  app: string;
  user: number;
  redirectUri: string;
  challenge?: string;
  scopes: ScopeId[];
  expiresAt: number;
}
export interface AccessToken {
  app: string;
  user: number;
  expiresAt: number;
}
export interface RefreshToken {
  app: string;
  user: number;
  expiresAt: number;
}

export interface Delivery {
  id: number;
  at: string;
  app: string;
  senderId: number;
  receiverId: number;
  receiverUuid: string;
  kind: 'default' | 'custom' | 'memo';
  templateObject?: unknown;
  templateId?: number;
  templateArgs?: Record<string, string>;
}

export interface RequestLog {
  at: string;
  method: string;
  host: string;
  path: string;
  status: number;
}

export type FaultKind = '5xx' | '-10' | '-603' | 'gateway' | 'drop' | 'latency';
export interface Fault {
  method?: string;
  path: string;
  /** 1-based: the fault fires on the Nth matching request after it was set. */
  nth: number;
  kind: FaultKind;
  ms?: number;
  status?: number;
  seen: number;
  fired: boolean;
}

/** uuids are per app and stable for a user (Kakao: app-specific message target ids). */
export function uuidFor(appKey: string, userId: number): string {
  return createHash('sha256').update(`${appKey}:${userId}`).digest('base64url').slice(0, 22);
}

export function token(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

export class World {
  readonly clock = new Clock();
  apps = new Map<string, App>();
  users = new Map<number, User>();
  /** app → user → consented scopes: who is connected (token issued, and not unlinked since). */
  connections = new Map<string, Map<number, Set<ScopeId>>>();
  /** app → user → when they connected, until their first user-info call (/v2/user/me, talk profile, friends). */
  awaitingInfoCall = new Map<string, Map<number, number>>();
  friends = new Map<number, Set<number>>();
  hidden = new Map<number, Set<number>>();
  codes = new Map<string, AuthCode>();
  access = new Map<string, AccessToken>();
  refresh = new Map<string, RefreshToken>();
  deliveries: Delivery[] = [];
  requests: RequestLog[] = [];
  faults: Fault[] = [];
  tokensIssued = 0;
  /** day → key → count; keys `s:<id>`, `r:<id>`, `p:<from>:<to>` */
  private counts = new Map<string, Map<string, number>>();
  autoApproveOverride: number | null | undefined;

  constructor(scenario?: Scenario) {
    if (scenario) this.load(scenario);
  }

  load(s: Scenario): void {
    this.clock.reset();
    if (s.now) this.clock.set(Date.parse(s.now));
    this.apps = new Map(s.apps.map((a) => [a.restApiKey, structuredClone(a)]));
    for (const app of [...this.apps.values()]) for (const k of app.extraRestApiKeys) this.apps.set(k.restApiKey, app);
    this.users = new Map(s.users.map((u) => [u.id, structuredClone(u)]));
    this.connections = new Map();
    // Connections in a scenario are settled ones: signed in long ago, user info already read.
    for (const c of s.connections) this.connectionsOf(c.app).set(c.user, new Set(c.scopes));
    this.awaitingInfoCall = new Map();
    this.friends = new Map();
    for (const [a, b] of s.friendships) {
      this.friendSet(a).add(b);
      this.friendSet(b).add(a);
    }
    this.hidden = new Map();
    for (const h of s.hidden)
      (this.hidden.get(h.user) ?? this.hidden.set(h.user, new Set()).get(h.user)!).add(h.friend);
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
    this.deliveries = [];
    this.requests = [];
    this.faults = [];
    this.tokensIssued = 0;
    this.counts = new Map();
    this.autoApproveOverride = undefined;
    for (const t of s.sentToday) for (let i = 0; i < t.count; i++) this.countSend(t.from, t.to);
  }

  /** The app behind a REST API key (its main key or an extra one), with that key's own secret and URIs. */
  client(key: string): { app: App; clientSecret?: string; redirectUris: string[] } | undefined {
    const app = this.apps.get(key);
    if (!app) return undefined;
    const own = app.restApiKey === key ? app : app.extraRestApiKeys.find((k) => k.restApiKey === key)!;
    return { app, clientSecret: own.clientSecret, redirectUris: own.redirectUris };
  }

  connectionsOf(app: string): Map<number, Set<ScopeId>> {
    let m = this.connections.get(app);
    if (!m) this.connections.set(app, (m = new Map()));
    return m;
  }

  /**
   * Token issuance is what connects a user (auto-connect apps; docs/reference/customer-connection.md): the
   * scopes agreed on the consent page join the connection only now, not when the code was handed out.
   */
  connect(app: string, user: number, scopes: Iterable<ScopeId>): void {
    const existing = this.connectionsOf(app).get(user);
    if (existing) {
      for (const s of scopes) existing.add(s);
      return;
    }
    this.connectionsOf(app).set(user, new Set(scopes));
    let pending = this.awaitingInfoCall.get(app);
    if (!pending) this.awaitingInfoCall.set(app, (pending = new Map()));
    pending.set(user, this.clock.now());
  }

  /** A successful user-info call with the user's own token: the connection is complete. */
  infoCalled(app: string, user: number): void {
    this.awaitingInfoCall.get(app)?.delete(user);
  }

  /** The app is removed from the user's 연결된 서비스: tokens, consents and the pending mark go. */
  unlinkUser(app: string, user: number): void {
    this.revokeTokens(app, user);
    this.connectionsOf(app).delete(user);
    this.awaitingInfoCall.get(app)?.delete(user);
  }

  /** Kakao's daily sweep: unlink everyone who connected ≥ 24 h ago with no user-info call since. Returns who. */
  sweepUnfinished(): { app: string; user: number }[] {
    const now = this.clock.now();
    const gone: { app: string; user: number }[] = [];
    for (const [app, pending] of this.awaitingInfoCall)
      for (const [user, at] of pending) if (now - at >= INFO_CALL_WINDOW_MS) gone.push({ app, user });
    for (const g of gone) this.unlinkUser(g.app, g.user);
    return gone;
  }

  private friendSet(id: number): Set<number> {
    let s = this.friends.get(id);
    if (!s) this.friends.set(id, (s = new Set()));
    return s;
  }

  scopesOf(app: string, user: number): Set<ScopeId> | undefined {
    return this.connections.get(app)?.get(user);
  }

  areFriends(a: number, b: number): boolean {
    return this.friends.get(a)?.has(b) ?? false;
  }

  isMember(app: App, user: number): boolean {
    return app.members.includes(user);
  }

  /** Kakao's visibility rules for one friend in the sender's friends list (docs/reference/kakao-api.md §3). */
  visibleFriend(app: App, sender: number, friend: number): boolean {
    const user = this.users.get(friend);
    return (
      !!user &&
      this.areFriends(sender, friend) &&
      !!this.scopesOf(app.restApiKey, friend)?.has('friends') &&
      !(this.hidden.get(sender)?.has(friend) ?? false) &&
      !user.privateProfile &&
      (app.friendsMessageApproved || this.isMember(app, friend))
    );
  }

  userByUuid(appKey: string, uuid: string): User | undefined {
    for (const u of this.users.values()) if (uuidFor(appKey, u.id) === uuid) return u;
    return undefined;
  }

  private dayCounts(): Map<string, number> {
    const day = seoulDay(this.clock.now());
    let m = this.counts.get(day);
    if (!m) this.counts.set(day, (m = new Map()));
    return m;
  }

  used(key: string): number {
    return this.dayCounts().get(key) ?? 0;
  }

  countSend(from: number, to: number): void {
    const m = this.dayCounts();
    for (const k of [`s:${from}`, `r:${to}`, `p:${from}:${to}`]) m.set(k, (m.get(k) ?? 0) + 1);
  }

  /** Which daily quota a send would break, as Kakao's code. */
  quotaError(from: number, to: number): number | null {
    if (this.used(`s:${from}`) >= QUOTA.sender) return -532;
    if (this.used(`r:${to}`) >= QUOTA.receiver) return -533;
    if (this.used(`p:${from}:${to}`) >= QUOTA.pair) return -536;
    return null;
  }

  /** New tokens for a user; with scopes, this is the exchange that connects them. */
  issueTokens(app: string, user: number, scopes?: Iterable<ScopeId>): { access_token: string; refresh_token: string } {
    if (scopes) this.connect(app, user, scopes);
    const now = this.clock.now();
    const access_token = token('AT');
    const refresh_token = token('RT');
    this.access.set(access_token, { app, user, expiresAt: now + ACCESS_TTL_S * 1000 });
    this.refresh.set(refresh_token, { app, user, expiresAt: now + REFRESH_TTL_S * 1000 });
    this.tokensIssued++;
    return { access_token, refresh_token };
  }

  revokeTokens(app: string, user: number): void {
    for (const [k, v] of this.access) if (v.app === app && v.user === user) this.access.delete(k);
    for (const [k, v] of this.refresh) if (v.app === app && v.user === user) this.refresh.delete(k);
  }

  expireTokens(user?: number): number {
    let n = 0;
    const past = this.clock.now() - 1;
    for (const t of this.access.values())
      if (user === undefined || t.user === user) {
        t.expiresAt = past;
        n++;
      }
    return n;
  }
}
