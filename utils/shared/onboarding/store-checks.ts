// Checks on the store settings the operator types, before the background's own validation.

import { LINK_DOMAIN_PATTERN } from '@/utils/shared/link-domains';

// The link-domain rule itself lives in utils/shared/link-domains.ts; re-exported for the settings page.
export { LINK_DOMAIN_PATTERN, hostOf, urlInLinkDomains } from '@/utils/shared/link-domains';

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
