import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { chromeRedirectUri, firefoxRedirectUri, REDIRECT_PATH } from '@/utils/shared/extension-identity';
import { CopyField } from '@/components/options/common/CopyField';

interface Uris {
  chrome: string;
  firefox: string;
  /** This running build's own URI when it differs (e.g. a store-assigned id). */
  running?: string;
}

function runningRedirectUri(): string | undefined {
  try {
    return browser.identity.getRedirectURL(REDIRECT_PATH);
  } catch {
    // No identity API (unit tests, or a browser without it).
    return undefined;
  }
}

/** The exact redirect URIs to register under the REST API key, one per browser, each copyable. */
export function RedirectUris() {
  const [uris, setUris] = useState<Uris>();
  useEffect(() => {
    void (async () => {
      const [chrome, firefox] = await Promise.all([chromeRedirectUri(), firefoxRedirectUri()]);
      const running = runningRedirectUri();
      setUris({ chrome, firefox, running: running && running !== chrome && running !== firefox ? running : undefined });
    })();
  }, []);
  return (
    <div>
      <h3>{i18n.t('options.kakao.redirectTitle')}</h3>
      <p class="ot-muted">{i18n.t('options.kakao.redirectHelp')}</p>
      {uris ? (
        <>
          <CopyField
            id="uri-chrome"
            label={i18n.t('options.kakao.redirectChrome')}
            testId="redirect-uri-chrome"
            value={uris.chrome}
          />
          <CopyField
            id="uri-firefox"
            label={i18n.t('options.kakao.redirectFirefox')}
            testId="redirect-uri-firefox"
            value={uris.firefox}
          />
          {uris.running && (
            <CopyField
              id="uri-running"
              label={i18n.t('options.kakao.redirectRunning')}
              testId="redirect-uri-running"
              value={uris.running}
            />
          )}
        </>
      ) : (
        <p class="ot-muted">{i18n.t('options.loading')}</p>
      )}
    </div>
  );
}
