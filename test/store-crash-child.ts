// Child process for the PGlite folder tests. Mode "crash": saves, prints ACK once the save resolved,
// then waits to be killed. Mode "exit": opens and exits without closing the store.
import { openStore } from '../src/store/open-store.js';

const [dir, mode] = process.argv.slice(2);
const store = await openStore({ dataDir: dir });
if (mode === 'exit') process.exit(0);
await store.createWave({ id: 'crash', title: 'Absturz', instrumentVersion: '2019' });
const responses = Array.from({ length: 500 }, (_, i) => ({ ags: String(1_000_000 + i).padStart(8, '0'), answers: { q: String(i) } }));
await store.saveResponses('crash', responses, { status: 'submitted', source: 'web', actor: 'crash-test' });
process.stdout.write('ACK\n');
setInterval(() => {}, 1_000);
