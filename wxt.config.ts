import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { CHROME_PUBLIC_KEY, GECKO_ID } from './utils/extension-identity';
import { KAKAO_HOST_PERMISSIONS } from './utils/hosts';

function nativeBrowserApi(): Plugin {
  return {
    name: 'ordertalk:native-browser-api',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === '@wxt-dev/webextension-polyfill/browser' || id === 'wxt/browser') return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

// `--mode store` builds the packages uploaded to the stores: same code, but without the Chrome `key`
// (the Web Store assigns its own id; the unpacked build keeps a fixed one for Kakao's redirect URI).
export default defineConfig({
  modules: ['@wxt-dev/i18n/module', '@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  autoIcons: { baseIconPath: 'assets/icon.svg', developmentIndicator: false },
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Content scripts skip webextension-polyfill (~10 kB of every page's load): they use only runtime.id,
    // runtime.sendMessage and i18n, which Chrome MV3's `chrome` and Firefox's native `browser` already
    // offer with promises. Background and extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      config.plugins = [...(config.plugins ?? []), nativeBrowserApi()];
    },
  },
  manifest: ({ browser, mode }) => ({
    name: '__MSG_extName__',
    short_name: 'OrderTalk',
    description: '__MSG_extDescription__',
    default_locale: 'ko',
    // scripting + optional hosts: only for admins the operator describes, asked for one site at a time.
    permissions: ['storage', 'identity', 'scripting'],
    // MV2 (Firefox) has no optional_host_permissions: WXT would fold it into required permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    // Content scripts need no host permission; only the background talks to Kakao.
    host_permissions: KAKAO_HOST_PERMISSIONS,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'chrome' && mode !== 'store' && { key: CHROME_PUBLIC_KEY }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: '142.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
