import { startFirefoxDriver } from '../support/flows/firefox-driver';
import { bulkStory } from '../support/flows/stories';

bulkStory(
  'Firefox ESR: a bulk of 12 with mixed eligibility, the background reloaded mid-bulk, history (Korean)',
  startFirefoxDriver,
  'a background page reloaded',
);
