import type { Emulator } from '../../kakao-emulator/client';

/** A fetch that reaches the in-process Kakao emulator under Kakao's real hostnames. */
export function emulatorFetch(emu: Emulator): typeof fetch {
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const r = await emu.request(url.hostname, url.pathname + url.search, {
      method: init.method ?? 'GET',
      headers,
      body,
    });
    const h = new Headers();
    for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') h.set(k, v);
    return new Response(r.status === 204 || r.status === 302 ? null : r.text, { status: r.status, headers: h });
  }) as typeof fetch;
}

/** launchWebAuthFlow against the emulator in auto-approve mode: follows kauth's redirect to the callback. */
export function emulatorAuthFlow(emu: Emulator) {
  return async ({ url }: { url: string }) => {
    const u = new URL(url);
    const r = await emu.request(u.hostname, u.pathname + u.search);
    if (r.status !== 302) throw new Error('Authorization page could not be loaded.');
    return String(r.headers.location);
  };
}
