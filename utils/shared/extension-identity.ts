// Fixed identities so that the OAuth redirect URIs registered with Kakao never change.
// Chrome: the extension id is derived from this public key (the private key is not needed for unpacked
// builds and is not kept). Firefox: the gecko id fixes the allizom redirect host.
export const CHROME_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAm1WK9PvCwjkK4M0DqVsElAGg+2fz1uWo9bR9KIO07aZpQzmOfHt339W/PTwoYIdgKTypASo/mmHvfTb8FQ1Z7rLgpIIEZv3sIaaws2iuBlRx6ItIhe9UXoqomoyZspG60q0A60A46n9LL9ZVmjNtqya8VwJKYP/LKmjZ+YIQBDvc1t/LVw/kzJqwpCEj9tT6m+zQ3+Hnq4SKBV9jcL6Vrgb6Ii0k8Ms/70VseNdQ+3ye2YKOJpx0rZh94Idl7qs7cw4kjqMAPlu+ytPTbd7gtif6gUoHjq50tTWV3XQ2Lf1fLzlqbkFMh8gOP1zmtEdY9+5RGG6q2aif6py3ay08WwIDAQAB';
export const GECKO_ID = 'ordertalk@ordertalk.app';
export const REDIRECT_PATH = 'kakao';

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function base64ToBytes(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Chrome's id: first 32 hex digits of SHA-256 over the DER key, with 0-f mapped to a-p. */
export async function chromeExtensionId(publicKey = CHROME_PUBLIC_KEY): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', base64ToBytes(publicKey));
  return hex(digest)
    .slice(0, 32)
    .replace(/[0-9a-f]/g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
}

/** What `identity.getRedirectURL('kakao')` returns in Chrome for this build. */
export async function chromeRedirectUri(path = REDIRECT_PATH): Promise<string> {
  return `https://${await chromeExtensionId()}.chromiumapp.org/${path}`;
}

/** What `identity.getRedirectURL('kakao')` returns in Firefox: sha1(gecko id) on extensions.allizom.org. */
export async function firefoxRedirectUri(path = REDIRECT_PATH, geckoId = GECKO_ID): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(geckoId));
  return `https://${hex(digest)}.extensions.allizom.org/${path}`;
}
