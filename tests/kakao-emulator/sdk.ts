import { createHash } from 'node:crypto';

// A stand-in for Kakao's JavaScript SDK, served at the CDN address the opt-in page loads
// (https://t1.kakaocdn.net/kakao_js_sdk/<version>/kakao.min.js), so the shipped page runs unchanged against the
// emulator. Only what the page uses: init/isInitialized, Auth.setAccessToken/getAccessToken/logout, API.request —
// which, like the real SDK, calls kapi with the Bearer token and its `KA` header (kapi answers a browser only
// for such SDK calls from a registered web domain; docs/reference/kakao-api.md §1.8).

export const KAKAO_CDN_HOST = 't1.kakaocdn.net';
export const SDK_PATH = /^\/kakao_js_sdk\/(\d+\.\d+\.\d+)\/kakao(?:\.min)?\.js$/;

export function standInSdk(version: string): string {
  return `/* Kakao JS SDK stand-in (OrderTalk test emulator) ${version} */
(function () {
  var appKey = null;
  var accessToken = null;
  // The real SDK knows each API's method; the ones the opt-in page calls are enough here.
  var POST = { '/v1/user/logout': 1, '/v1/user/unlink': 1, '/v1/user/signup': 1, '/v2/user/revoke/scopes': 1 };
  function query(data) {
    var q = new URLSearchParams();
    Object.keys(data || {}).forEach(function (k) {
      var v = data[k];
      q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    });
    return q.toString();
  }
  window.Kakao = {
    VERSION: ${JSON.stringify(version)},
    init: function (key) {
      if (typeof key !== 'string' || !key) throw new Error('Kakao.init: app key required');
      appKey = key;
    },
    isInitialized: function () {
      return appKey !== null;
    },
    cleanup: function () {
      appKey = null;
      accessToken = null;
    },
    Auth: {
      setAccessToken: function (token) {
        if (appKey === null) throw new Error('Kakao.Auth.setAccessToken: call Kakao.init first');
        accessToken = token || null;
      },
      getAccessToken: function () {
        return accessToken;
      },
      // Expires the token at Kakao (/v1/user/logout) and forgets it, like the SDK's Auth.logout.
      logout: function () {
        return window.Kakao.API.request({ url: '/v1/user/logout' }).then(function (r) {
          accessToken = null;
          return r;
        });
      },
    },
    API: {
      request: function (settings) {
        if (appKey === null) return Promise.reject(new Error('Kakao.API.request: call Kakao.init first'));
        var url = settings && settings.url;
        if (typeof url !== 'string' || url.charAt(0) !== '/') return Promise.reject(new Error('Kakao.API.request: url'));
        var method = (settings.method || (POST[url] ? 'POST' : 'GET')).toUpperCase();
        var headers = {
          Authorization: accessToken ? 'Bearer ' + accessToken : 'KakaoAK ' + appKey,
          KA: 'sdk/' + ${JSON.stringify(version)} + ' os/javascript lang/ko origin/' + encodeURIComponent(location.origin),
        };
        var body;
        var q = query(settings.data);
        if (method === 'GET' && q) url += '?' + q;
        else if (q) {
          body = q;
          headers['Content-Type'] = 'application/x-www-form-urlencoded;charset=utf-8';
        }
        return fetch('https://kapi.kakao.com' + url, { method: method, headers: headers, body: body }).then(function (r) {
          return r.json().then(function (json) {
            if (!r.ok) throw json;
            return json;
          });
        });
      },
    },
  };
})();
`;
}

/** The `integrity` value a page needs to load this stand-in (SRI, sha384). */
export function standInSdkIntegrity(version: string): string {
  return `sha384-${createHash('sha384').update(standInSdk(version)).digest('base64')}`;
}
