import { createHash, randomBytes } from 'node:crypto';
import { escapeHtml, kauthError, redirect, send, type Ctx } from './http';
import { ScopeIdSchema, type App, type ScopeId } from './scenario';
import { ACCESS_TTL_S, REFRESH_ROTATE_BELOW_S, REFRESH_TTL_S, token, type World } from './state';

const CODE_TTL_MS = 10 * 60 * 1000;
const SCOPE_NAMES: Record<ScopeId, string> = {
  profile_nickname: '닉네임',
  profile_image: '프로필 사진',
  friends: '카카오 서비스 내 친구목록(프로필사진, 닉네임, 즐겨찾기 포함)',
  talk_message: '카카오톡 메시지 전송',
};

function errorPage(ctx: Ctx, code: string, message: string): void {
  send(
    ctx,
    400,
    `<!doctype html><meta charset="utf-8"><title>${code}</title><h1 id="error-code">${code}</h1><p id="error-message">${escapeHtml(message)}</p>`,
  );
}

/** scope= accepts commas or spaces (which Kakao accepts is UNCONFIRMED; both are taken here). */
export function parseScopes(raw: string | null): string[] {
  return (raw ?? '').split(/[\s,]+/).filter(Boolean);
}

interface AuthRequest {
  app: App;
  redirectUri: string;
  state: string | null;
  scopes: ScopeId[];
  challenge?: string;
}

function validateAuthorize(world: World, ctx: Ctx, params: URLSearchParams): AuthRequest | null {
  const client = world.client(params.get('client_id') ?? '');
  if (!client) return (errorPage(ctx, 'KOE101', 'Invalid client_id (app key)'), null);
  const app = client.app;
  const responseType = params.get('response_type');
  if (responseType === 'token') return (errorPage(ctx, 'KOE202', 'response_type=token is not supported'), null);
  if (responseType !== 'code') return (errorPage(ctx, 'KOE201', `unsupported response_type: ${responseType}`), null);
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) {
    return (errorPage(ctx, 'KOE006', `redirect_uri not registered for this app key: ${redirectUri}`), null);
  }
  const requested = parseScopes(params.get('scope'));
  const scopes: ScopeId[] = [];
  for (const s of requested) {
    const id = ScopeIdSchema.safeParse(s);
    if (!id.success || !app.consentItems[id.data])
      return (errorPage(ctx, 'KOE205', `consent item not enabled in the app: ${s}`), null);
    scopes.push(id.data);
  }
  if (scopes.length === 0) {
    // First sign-in asks required and optional items; during-use items need additional consent.
    for (const [id, mode] of Object.entries(app.consentItems)) if (mode !== 'during-use') scopes.push(id as ScopeId);
  }
  const method = params.get('code_challenge_method');
  const challenge = params.get('code_challenge') ?? undefined;
  if (challenge && method && method !== 'S256')
    return (errorPage(ctx, 'KOE001', 'only S256 code_challenge_method is supported'), null);
  return { app, redirectUri, state: params.get('state'), scopes, challenge };
}

function back(ctx: Ctx, req: AuthRequest, params: Record<string, string>): void {
  const url = new URL(req.redirectUri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  if (req.state !== null) url.searchParams.set('state', req.state);
  redirect(ctx, url.toString());
}

function approve(world: World, ctx: Ctx, req: AuthRequest, user: number, agreed: ScopeId[]): void {
  const existing = world.scopesOf(req.app.restApiKey, user);
  const scopes = new Set<ScopeId>(existing);
  // Connecting for the first time always includes the app's required items.
  if (!existing)
    for (const [id, mode] of Object.entries(req.app.consentItems)) if (mode === 'required') scopes.add(id as ScopeId);
  for (const s of agreed) scopes.add(s);
  // Reaching the code connects nobody: the scopes ride on the code until it is exchanged.
  const code = randomBytes(24).toString('base64url');
  world.codes.set(code, {
    app: req.app.restApiKey,
    user,
    redirectUri: req.redirectUri,
    challenge: req.challenge,
    scopes: [...scopes],
    expiresAt: world.clock.now() + CODE_TTL_MS,
  });
  back(ctx, req, { code });
}

/** GET /oauth/authorize: the consent page, or a straight redirect in auto-approve mode. */
export function authorize(world: World, ctx: Ctx): void {
  const req = validateAuthorize(world, ctx, ctx.url.searchParams);
  if (!req) return;
  const auto = world.autoApproveOverride !== undefined ? world.autoApproveOverride : req.app.autoApproveUser;
  if (auto !== undefined && auto !== null) return approve(world, ctx, req, auto, req.scopes);
  const hidden = [...ctx.url.searchParams]
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const users = [...world.users.values()]
    .map((u) => `<option value="${u.id}">${escapeHtml(u.nickname)} (${u.id})</option>`)
    .join('');
  const items = req.scopes
    .map((s) => {
      const required = req.app.consentItems[s] === 'required';
      return `<li><label><input type="checkbox" name="agree_scope" value="${s}" checked ${required ? 'disabled' : ''}> ${escapeHtml(SCOPE_NAMES[s])}${required ? ' (필수)' : ' (선택)'}</label></li>`;
    })
    .join('');
  send(
    ctx,
    200,
    `<!doctype html><html lang="ko"><meta charset="utf-8"><title>카카오 로그인 (emulator)</title>
<body style="font-family:sans-serif;max-width:420px;margin:24px auto">
<h1 style="font-size:18px">${escapeHtml(req.app.name)} 에 동의하고 계속하기</h1>
<form method="post" action="/oauth/authorize/decision">${hidden}
<p><label>로그인할 카카오계정 <select id="user" name="user">${users}</select></label></p>
<ul id="consent-items">${items}</ul>
<button id="agree" name="decision" value="agree" type="submit">동의하고 계속하기</button>
<button id="cancel" name="decision" value="cancel" type="submit">취소</button>
</form></body></html>`,
  );
}

/** POST /oauth/authorize/decision: what the person clicked on the consent page. */
export function decide(world: World, ctx: Ctx): void {
  const req = validateAuthorize(world, ctx, ctx.form);
  if (!req) return;
  if (ctx.form.get('decision') !== 'agree') {
    return back(ctx, req, { error: 'access_denied', error_description: 'User denied access' });
  }
  const user = Number(ctx.form.get('user'));
  if (!world.users.has(user)) return errorPage(ctx, 'KOE001', 'unknown user');
  const ticked = new Set(ctx.form.getAll('agree_scope'));
  const agreed = req.scopes.filter((s) => req.app.consentItems[s] === 'required' || ticked.has(s));
  approve(world, ctx, req, user, agreed);
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

/** POST /oauth/token (form-encoded): authorization_code and refresh_token grants. */
export function tokenEndpoint(world: World, ctx: Ctx): void {
  const f = ctx.form;
  const client = world.client(f.get('client_id') ?? '');
  if (!client) return kauthError(ctx, 401, 'invalid_client', 'Not exist client_id', 'KOE101');
  const app = client.app;
  if (client.clientSecret !== undefined && f.get('client_secret') !== client.clientSecret) {
    return kauthError(ctx, 401, 'invalid_client', 'Bad client credentials', 'KOE010');
  }
  const now = world.clock.now();
  const grant = f.get('grant_type');
  if (grant === 'authorization_code') {
    const codeValue = f.get('code') ?? '';
    const code = world.codes.get(codeValue);
    world.codes.delete(codeValue); // single-use, even when this exchange fails
    if (!code || code.app !== app.restApiKey || code.expiresAt < now) {
      return kauthError(ctx, 400, 'invalid_grant', `authorization code not found for code=${codeValue}`, 'KOE320');
    }
    if (f.get('redirect_uri') !== code.redirectUri) {
      return kauthError(ctx, 400, 'invalid_grant', 'redirect_uri mismatch', 'KOE303');
    }
    if (code.challenge !== undefined) {
      const verifier = f.get('code_verifier');
      if (!verifier || s256(verifier) !== code.challenge) {
        return kauthError(ctx, 400, 'invalid_grant', 'code_verifier does not match code_challenge', 'KOE320');
      }
    }
    const t = world.issueTokens(app.restApiKey, code.user, code.scopes);
    return send(
      ctx,
      200,
      {
        token_type: 'bearer',
        access_token: t.access_token,
        expires_in: ACCESS_TTL_S,
        refresh_token: t.refresh_token,
        refresh_token_expires_in: REFRESH_TTL_S,
        scope: [...(world.scopesOf(app.restApiKey, code.user) ?? [])].join(' '),
      },
      { 'access-control-allow-origin': '*' },
    );
  }
  if (grant === 'refresh_token') {
    const value = f.get('refresh_token') ?? '';
    const rt = world.refresh.get(value);
    if (!rt || rt.app !== app.restApiKey || rt.expiresAt < now) {
      return kauthError(ctx, 400, 'invalid_grant', 'expired_or_invalid_refresh_token', 'KOE322');
    }
    const access_token = token('AT');
    world.access.set(access_token, { app: rt.app, user: rt.user, expiresAt: now + ACCESS_TTL_S * 1000 });
    world.tokensIssued++;
    const body: Record<string, unknown> = { token_type: 'bearer', access_token, expires_in: ACCESS_TTL_S };
    if (rt.expiresAt - now < REFRESH_ROTATE_BELOW_S * 1000) {
      world.refresh.delete(value); // the old one stops working once rotated
      const next = token('RT');
      world.refresh.set(next, { app: rt.app, user: rt.user, expiresAt: now + REFRESH_TTL_S * 1000 });
      body.refresh_token = next;
      body.refresh_token_expires_in = REFRESH_TTL_S;
    }
    return send(ctx, 200, body, { 'access-control-allow-origin': '*' });
  }
  return kauthError(ctx, 400, 'unsupported_grant_type', `unsupported grant_type: ${grant}`, 'KOE001');
}
