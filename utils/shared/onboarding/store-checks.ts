// Checks on the store settings the operator types, before the background's own validation.

export const LINK_DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/;

/** 'empty' | 'not-https' | 'malformed' | undefined (fine). */
export function storeUrlProblem(url: string): 'not-https' | 'malformed' | undefined {
  const value = url.trim();
  if (!value) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return /^https?:/i.test(value) ? 'malformed' : 'not-https';
  }
  if (parsed.protocol !== 'https:') return 'not-https';
  return parsed.hostname.includes('.') ? undefined : 'malformed';
}

/** "a.com, b.kr  c.net" → ['a.com', 'b.kr', 'c.net'], lowercased, without repeats or a scheme/path. */
export function parseLinkDomains(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[\s,]+/)) {
    const d = raw
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '');
    if (d && !out.includes(d)) out.push(d);
  }
  return out;
}

export function invalidLinkDomains(domains: string[]): string[] {
  return domains.filter((d) => !LINK_DOMAIN_PATTERN.test(d));
}

/** The URL's host when it is https and parseable. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Kakao opens message links only on registered domains (a registered domain covers its subdomains). */
export function urlInLinkDomains(url: string, domains: string[]): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}
