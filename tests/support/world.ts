import { launchExtension, type ExtensionBrowser } from './chromium';
import { startSiteServer, type SiteServer } from './site-server';
import { startEmulator, type Emulator } from '../kakao-emulator/client';

export interface World {
  emu: Emulator;
  site: SiteServer;
  ext: ExtensionBrowser;
  close(): Promise<void>;
}

/** The Kakao emulator, the store admin fixtures and Chromium with the build, all under real hostnames. */
export async function startWorld(
  scenario: 'basic' | 'demo',
  opts: { headless?: boolean; hosts?: Record<string, number> } = {},
): Promise<World> {
  const emu = await startEmulator({ scenario });
  const site = await startSiteServer(['sell.smartstore.naver.com']);
  const ext = await launchExtension(
    { ...emu.hostMap, 'sell.smartstore.naver.com': site.port, ...opts.hosts },
    { headless: opts.headless ?? true },
  );
  return {
    emu,
    site,
    ext,
    close: async () => {
      await ext.close().catch(() => undefined);
      await site.close();
      await emu.close();
    },
  };
}
