import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  host: string;
  body: string;
  status: number;
  /** Set by a fault that processes the request but loses the answer: send() writes nothing. */
  muted: boolean;
}

/**
 * Chromium cannot be made to answer an extension's optional-permission prompt under automation
 * (https://github.com/microsoft/playwright/issues/32755), so the browser tests never hold api.solapi.com's host
 * permission. Answering CORS lets the extension's background reach the emulator anyway, with the same requests;
 * the shipped build asks for the permission when AlimTalk is switched on and so does not depend on CORS.
 */
export const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE',
  'access-control-allow-headers': 'authorization, content-type',
};

export function send(ctx: Ctx, status: number, body: unknown): void {
  if (ctx.muted) {
    ctx.status = status;
    return;
  }
  ctx.status = status;
  ctx.res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...CORS });
  ctx.res.end(JSON.stringify(body));
}

/** SOLAPI's error envelope, always both fields (reference §1.4). */
export function solapiError(ctx: Ctx, status: number, errorCode: string, errorMessage: string): void {
  send(ctx, status, { errorCode, errorMessage });
}

/** The JSON body, or undefined when absent / not JSON. */
export function jsonBody(ctx: Ctx): unknown {
  if (!ctx.body) return undefined;
  try {
    return JSON.parse(ctx.body);
  } catch {
    return undefined;
  }
}
