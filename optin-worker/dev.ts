// npm run optin:dev — the opt-in Worker in wrangler's local runtime (workerd), on the port in PORT (default
// 8787), against the Kakao emulator: kauth and kapi each answer over plain HTTP on 127.0.0.1 (a local runtime
// cannot be pointed at Kakao's hostnames or trust the emulator's certificate), and the Worker reaches them
// through its test-only overrides KAKAO_AUTH_ORIGIN / KAKAO_API_ORIGIN. Open http://localhost:<PORT>/.
// Options: --scenario basic|demo|path.json (default demo). wrangler is run with npx at the pinned version; it
// is not a dependency of the repository.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScenario } from '../tests/kakao-emulator/client';
import { KAPI_HOST, KAUTH_HOST, listen, listenPlain } from '../tests/kakao-emulator/server';

export const WRANGLER = 'wrangler@4.60.0';

const { values } = parseArgs({ options: { scenario: { type: 'string', default: 'demo' } } });
const port = Number(process.env.PORT ?? 8787);
if (!Number.isInteger(port) || port <= 0 || port > 65535)
  throw new Error(`PORT must be a TCP port, not ${process.env.PORT}`);
const origin = `http://localhost:${port}`;

const scenario = loadScenario(values.scenario!);
const app = scenario.apps[0]!;
app.redirectUris.push(`${origin}/callback`);
const emu = await listen(scenario);
const initial = () => scenario;
const kauth = await listenPlain(emu.world, initial, KAUTH_HOST);
const kapi = await listenPlain(emu.world, initial, KAPI_HOST);
const authOrigin = `http://127.0.0.1:${kauth.port}`;
const apiOrigin = `http://127.0.0.1:${kapi.port}`;

const vars: Record<string, string> = {
  KAKAO_REST_API_KEY: app.restApiKey,
  KAKAO_APP_NAME: app.name,
  STORE_NAME: '하늘상점',
  STORE_URL: 'https://smartstore.naver.com/haneul',
  NOTICE_TEXT: '주문 접수·발송 소식을 카카오톡으로 알려 드려요.',
  KAKAO_AUTH_ORIGIN: authOrigin,
  KAKAO_API_ORIGIN: apiOrigin,
  ...(app.clientSecret && { KAKAO_CLIENT_SECRET: app.clientSecret }),
};
const config = path.join(path.dirname(fileURLToPath(import.meta.url)), 'wrangler.toml');
const args = ['--yes', WRANGLER, 'dev', '--config', config, '--port', String(port), '--ip', '127.0.0.1'];
for (const [k, v] of Object.entries(vars)) args.push('--var', `${k}:${v}`);

console.log(`Kakao emulator: kauth ${authOrigin}, kapi ${apiOrigin} (scenario: ${values.scenario})`);
console.log(`  emulator state: ${apiOrigin}/__emulator/state   inboxes: ${apiOrigin}/__emulator/inbox`);
console.log(`Opt-in Worker: ${origin}/   (Ctrl-C stops)`);
const child = spawn('npx', args, { stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
const stop = async (code = 0) => {
  child.kill('SIGTERM');
  await Promise.all([kauth.close(), kapi.close(), emu.close()]);
  process.exit(code);
};
child.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
