import type { SolapiEmulator } from '../../solapi-emulator/client';

/**
 * A fetch that reaches the in-process SOLAPI emulator under SOLAPI's real hostname. It honours the request's
 * AbortSignal (the client's timeout) and turns a dropped connection into fetch's TypeError, as Chromium does.
 */
export function solapiEmulatorFetch(emu: SolapiEmulator): typeof fetch {
  return (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    const body = init.body === undefined || init.body === null ? undefined : String(init.body);
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    const reply = emu.request(url.hostname, url.pathname + url.search, { method: init.method ?? 'GET', headers, body });
    const aborted = new Promise<never>((_, reject) =>
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true }),
    );
    let r;
    try {
      r = await Promise.race([reply, aborted]);
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      throw new TypeError('Failed to fetch', { cause: error });
    }
    const h = new Headers();
    for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') h.set(k, v);
    return new Response(r.status === 204 ? null : r.text, { status: r.status, headers: h });
  }) as typeof fetch;
}
