// Prints the exact redirect URIs to register with Kakao for this build's fixed ids (README, options page).
// With --readme it rewrites the block between the redirect-uri markers in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { chromeExtensionId, chromeRedirectUri, firefoxRedirectUri, GECKO_ID } from '../utils/shared/extension-identity';

const lines = [
  `- Chrome (extension id \`${await chromeExtensionId()}\`): \`${await chromeRedirectUri()}\``,
  `- Firefox (add-on id \`${GECKO_ID}\`): \`${await firefoxRedirectUri()}\``,
];
console.log(lines.join('\n'));

if (process.argv.includes('--readme')) {
  const start = '<!-- redirect-uris:start -->';
  const end = '<!-- redirect-uris:end -->';
  const readme = readFileSync('README.md', 'utf8');
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error('README.md has no redirect-uris markers');
  writeFileSync('README.md', `${readme.slice(0, from + start.length)}\n${lines.join('\n')}\n${readme.slice(to)}`);
}
