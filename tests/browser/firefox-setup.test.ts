import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { singleSendStory } from '../support/flows/stories';

// Firefox ESR with the Firefox build, in Korean (Debian's firefox-esr-l10n-ko), against the Kakao emulator.
singleSendStory('Firefox ESR: fresh install, sign-in, the order page and a single send (Korean)', startFirefoxDriver);
