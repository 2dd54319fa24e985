import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { CHROME_PUBLIC_KEY, GECKO_ID } from './utils/shared/extension-identity';
import { KAKAO_HOST_PERMISSIONS } from './utils/shared/hosts';

function nativeBrowserApi(): Plugin {
  return {
    name: 'ordertalk:native-browser-api',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === '@wxt-dev/webextension-polyfill/browser' || id === 'wxt/browser')
        return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
    },
  };
}

/** Our isolated-world content scripts get a slim ContentScriptContext (utils/content/content-context.ts). */
function slimContentContext(): Plugin {
  return {
    name: 'ordertalk:slim-content-context',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === 'wxt/utils/content-script-context')
        return this.resolve('@/utils/content/content-context', importer, { skipSelf: true });
    },
  };
}

/**
 * Content scripts load on every admin page within a 30 kB budget: terser over the finished script (after the
 * default minifier) wins ~3 %. No pure_getters: zod/mini's lazy getters have side effects. unsafe_arrows only turns
 * functions that use no `this` into arrows (none of those is called with `new`): the browser tests run it all.
 */
function terserContentScripts(): Plugin {
  return {
    name: 'ordertalk:terser-content-scripts',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const { minify } = await import('terser');
      for (const chunk of Object.values(bundle))
        if (chunk.type === 'chunk' && chunk.fileName.startsWith('content-scripts/')) {
          const out = await minify(chunk.code, {
            ecma: 2020,
            compress: { passes: 3, negate_iife: false, unsafe_arrows: true },
            format: { comments: false },
          });
          if (out.code) chunk.code = out.code;
        }
    },
  };
}

/**
 * Puts the popup's stylesheet into popup.html as a <style> element: one request less before its first paint
 * (a stylesheet link blocks rendering until it has loaded). Extension pages' CSP restricts scripts, not styles.
 */
function inlinePopupCss(): Plugin {
  return {
    name: 'ordertalk:inline-popup-css',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('popup/index.html')) return html;
        return html.replace(/<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g, (link, file: string) => {
          const asset = ctx.bundle![file];
          if (asset?.type !== 'asset') return link;
          delete ctx.bundle![file];
          return `<style>${String(asset.source)}</style>`;
        });
      },
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
    // WXT 0.20 assigns each content script's IIFE to a global named after it unless `globalName` is false
    // (0.21 turned that off): the MAIN-world smartstore-graphql script would leave a variable on the store's
    // own page, and each script grows by its name. Nothing reads those values (executeScript runs a function).
    'entrypoints:resolved': (_wxt, entrypoints) => {
      for (const e of entrypoints) if (e.type === 'content-script') e.options.globalName ??= false;
    },
    // The popup is built on its own, not with the other pages: shared chunks would make it load what every
    // page needs (all of zod's core among it) before its first paint; alone, it gets only what it uses.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group)) continue;
        const popup = group.findIndex((e) => e.type === 'popup');
        if (popup >= 0 && group.length > 1) groups.push([...group.splice(popup, 1)]);
      }
    },
    // Only the background uses webextension-polyfill (its message handlers answer with promises, which the
    // polyfill turns into replies the same way in both browsers). Content scripts and extension pages call
    // promise APIs that Chrome MV3's `chrome` and Firefox's `browser` already offer (runtime.sendMessage,
    // tabs.create, permissions.request, openOptionsPage, storage, i18n): without the polyfill a content script is ~10 kB smaller on every admin
    // page and the popup paints ~30 ms sooner (npm run bench).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((e) => e.type === 'background')) return;
      config.plugins = [...(config.plugins ?? []), nativeBrowserApi()];
      if (entrypoints.some((e) => e.type === 'popup')) config.plugins.push(inlinePopupCss());
      if (entrypoints.every((e) => e.type === 'content-script')) {
        config.plugins.push(slimContentContext(), terserContentScripts());
      }
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
    ...(browser === 'firefox'
      ? { optional_permissions: ['https://*/*'] }
      : { optional_host_permissions: ['https://*/*'] }),
    // Content scripts need no host permission; only the background talks to Kakao.
    host_permissions: KAKAO_HOST_PERMISSIONS,
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'chrome' && mode !== 'store' && { key: CHROME_PUBLIC_KEY }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // The newest Firefox feature used is data_collection_permissions (its built-in data consent), read from
        // desktop Firefox 140 (an ESR) and Firefox for Android 142: the minimum each may install the add-on on.
        // https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
        gecko: {
          id: GECKO_ID,
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
