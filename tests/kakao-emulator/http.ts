import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  host: string;
  body: string;
  form: URLSearchParams;
  status: number;
}

export function send(ctx: Ctx, status: number, body: unknown, headers: Record<string, string> = {}): void {
  ctx.status = status;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  ctx.res.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/html; charset=utf-8' : 'application/json;charset=UTF-8',
    ...headers,
  });
  ctx.res.end(text);
}

export function redirect(ctx: Ctx, location: string): void {
  ctx.status = 302;
  ctx.res.writeHead(302, { location });
  ctx.res.end();
}

/** kapi's error shape: branch on code, not msg. */
export function kapiError(
  ctx: Ctx,
  status: number,
  code: number,
  msg: string,
  extra: Record<string, unknown> = {},
): void {
  send(ctx, status, { msg, code, ...extra });
}

/** kauth's error shape. */
export function kauthError(ctx: Ctx, status: number, error: string, description: string, code: string): void {
  send(
    ctx,
    status,
    { error, error_description: description, error_code: code },
    { 'access-control-allow-origin': '*' },
  );
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A JSON-array string field (receiver_uuids); null when malformed. */
export function jsonArrayField(value: string | null): string[] | null {
  if (value === null) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string') ? parsed : null;
  } catch {
    return null;
  }
}
