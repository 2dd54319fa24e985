const b64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** RFC 7636: a high-entropy verifier (43+ chars of base64url). */
export function randomVerifier(): string {
  return b64url(crypto.getRandomValues(new Uint8Array(48)));
}

export function randomState(): string {
  return b64url(crypto.getRandomValues(new Uint8Array(24)));
}

export async function challengeS256(verifier: string): Promise<string> {
  return b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
