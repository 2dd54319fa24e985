// npm run emulator -- [--port 8443] [--scenario demo|path.json] [--auto-approve <userId>]
import { parseArgs } from 'node:util';
import { startEmulator, loadScenario } from './client';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    scenario: { type: 'string', default: 'demo' },
    'auto-approve': { type: 'string' },
  },
});
const scenario = loadScenario(values.scenario!);
if (values['auto-approve']) for (const app of scenario.apps) app.autoApproveUser = Number(values['auto-approve']);
const emu = await startEmulator({ scenario, port: Number(values.port) });
const rules = Object.keys(emu.hostMap)
  .map((h) => `MAP ${h} 127.0.0.1:${emu.port}`)
  .join(', ');
console.log(`Kakao emulator on https://127.0.0.1:${emu.port} (scenario: ${values.scenario})`);
console.log(`Chromium flags: --host-resolver-rules="${rules}" --ignore-certificate-errors`);
console.log(`Inboxes: https://127.0.0.1:${emu.port}/__emulator/inbox   (Ctrl-C stops)`);
const stop = () => void emu.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
