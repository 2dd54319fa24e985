// npm run solapi-emulator -- [--port 8444] [--scenario demo|path.json]
import { parseArgs } from 'node:util';
import { loadScenario, startSolapiEmulator } from './client';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    scenario: { type: 'string', default: 'demo' },
  },
});
const emu = await startSolapiEmulator({ scenario: loadScenario(values.scenario!), port: Number(values.port) });
const rules = Object.keys(emu.hostMap)
  .map((h) => `MAP ${h} 127.0.0.1:${emu.port}`)
  .join(', ');
const account = emu.world.scenario.accounts[0]!;
console.log(`SOLAPI emulator on https://127.0.0.1:${emu.port} (scenario: ${values.scenario})`);
console.log(`Chromium flags: --host-resolver-rules="${rules}" --ignore-certificate-errors`);
console.log(`Test key: ${account.apiKey}  secret: ${account.apiSecret}   (Ctrl-C stops)`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
