import type { StoreId } from './order';

// The store admins OrderTalk knows, one descriptor each: what the manifest (entrypoints/*.content.ts), the
// options page and the content scripts need to know about an admin. Data and pure URL tests only, so every
// context may import it; how an admin's rows are found lives in utils/content/stores/. Nothing here is
// computed from the list at load time: a content script that imports one descriptor then carries only that
// one (content scripts have a size budget: tests/browser/bundle-size.test.ts).

export interface StoreAdmin<Id extends StoreId = StoreId> {
  id: Id;
  /** The admin as the operator knows it (the options page's toggle). */
  label: { ko: string; en: string };
  /** Hostnames the admin is served from; `*.` stands for any subdomain. */
  hosts: readonly string[];
  /** Match patterns of the admin's content script (the manifest's `content_scripts[].matches`). */
  matches: readonly string[];
  /** Whether a page of the admin is one of its order pages, where the rows get buttons. */
  isOrderPage(url: URL): boolean;
}

// Naver serves the seller center's order pages under both hosts, the grid inside the /o/… frame.
const SMARTSTORE_HOSTS = ['sell.smartstore.naver.com', 'admin.pay.naver.com'] as const;

export const SMARTSTORE = {
  id: 'smartstore',
  label: { ko: '네이버 스마트스토어 판매자센터', en: 'Naver Smartstore seller center' },
  hosts: SMARTSTORE_HOSTS,
  // Every frame of the seller center: the AngularJS shell at the top loads the order frame (#__delegate)
  // by script, so the content script runs in all frames and starts only in an order frame.
  matches: SMARTSTORE_HOSTS.map((h) => `https://${h}/*`),
  /** The order frames only: where the page-data hook (entrypoints/smartstore-graphql.content.ts) runs. */
  orderFrameMatches: SMARTSTORE_HOSTS.map((h) => `https://${h}/o/*`),
  isOrderPage: (url: URL) =>
    (SMARTSTORE_HOSTS as readonly string[]).includes(url.hostname) && url.pathname.startsWith('/o/'),
} as const satisfies StoreAdmin<'smartstore'> & { orderFrameMatches: readonly string[] };

export const CAFE24 = {
  id: 'cafe24',
  label: { ko: '카페24 쇼핑몰 관리자', en: 'Cafe24 admin' },
  hosts: ['*.cafe24.com'],
  matches: ['https://*.cafe24.com/admin/*'],
  isOrderPage: (url: URL) => url.hostname.endsWith('.cafe24.com') && url.pathname.startsWith('/admin/'),
} as const satisfies StoreAdmin<'cafe24'>;

// Godomall5 admins on *.godomall.com (gdadmin.<shop>.godomall.com); shops on their own domain need the
// custom-admin route.
export const GODOMALL = {
  id: 'godomall',
  label: { ko: '고도몰 관리자', en: 'Godomall admin' },
  hosts: ['*.godomall.com'],
  matches: ['https://*.godomall.com/order/*'],
  isOrderPage: (url: URL) => url.hostname.startsWith('gdadmin.') && url.pathname.startsWith('/order/'),
} as const satisfies StoreAdmin<'godomall'>;

/** The built-in admins, in the order the options page lists them. */
export const STORE_ADMINS = [SMARTSTORE, CAFE24, GODOMALL] as const;
export type BuiltInAdminId = (typeof STORE_ADMINS)[number]['id'];

/** Every admin the operator can switch on or off: the built-in ones and `custom` (admins they describe). */
export type AdminId = BuiltInAdminId | 'custom';
