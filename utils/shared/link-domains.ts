// Kakao opens a message's web links only on the web domains registered in the app's [Product Link]
// (https://developers.kakao.com/docs/latest/ko/message-template/default). The operator lists those domains in
// settings; this is the one rule for "is this link inside them", used by the send path
// (utils/background/sending/render.ts) and by the settings page's warnings (utils/shared/onboarding/).

/** A bare domain as settings store it: lowercase labels, no scheme, port or path. */
export const LINK_DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/;

/**
 * The URL's host when it is https and parseable. Only https counts: the store URL (the {링크} in every
 * built-in template) must be https in utils/shared/settings-schema.ts, so an http link can only be a typo or
 * a downgrade, and Kakao users would open it over plain text. The port is not checked (hostname only).
 */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** True when the URL is https on a registered domain or one of its subdomains (`m.shop.kr` under `shop.kr`). */
export function urlInLinkDomains(url: string, domains: readonly string[]): boolean {
  const host = hostOf(url);
  if (!host) return false;
  return domains.some((raw) => {
    const d = raw.toLowerCase();
    return host === d || host.endsWith(`.${d}`);
  });
}
