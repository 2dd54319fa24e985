// What the operator needs to deploy the opt-in Worker (optin-worker/): the redirect URI to register for the
// REST key, and the wrangler.toml [vars] block. Never the client secret: that goes in with `wrangler secret put`.

/** `https://<host>/callback` from what the operator typed (a bare host or an https URL), or null. */
export function workerRedirectUri(typed: string): string | null {
  const text = typed.trim();
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname.includes('.')) return null;
  return `${url.origin}/callback`;
}

/** A TOML basic string: backslash, quote and control characters escaped. */
export function tomlString(value: string): string {
  const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
  const escaped = [...value]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (named[c]) return named[c];
      return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : c;
    })
    .join('');
  return `"${escaped}"`;
}

export function wranglerVars(v: {
  restApiKey: string;
  appName: string;
  storeName: string;
  storeUrl: string;
  noticeText: string;
}): string {
  return [
    '[vars]',
    `KAKAO_REST_API_KEY = ${tomlString(v.restApiKey.trim())}`,
    `KAKAO_APP_NAME = ${tomlString(v.appName.trim())}`,
    `STORE_NAME = ${tomlString(v.storeName.trim())}`,
    `STORE_URL = ${tomlString(v.storeUrl.trim())}`,
    `NOTICE_TEXT = ${tomlString(v.noticeText)}`,
  ].join('\n');
}
