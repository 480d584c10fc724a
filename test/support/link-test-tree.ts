// `npm test` runs the tests as JavaScript that tsc compiled into .test-build/ (node's module loader alone,
// about a second less per test process than loading TypeScript through tsx), `npm run bench` the benchmark
// from .bench-build/ (the code as the product runs it: through tsx the weighted analysis took 25–40 % longer).
// This completes such a folder into a mirror of the project, so that every path a test, the benchmark or
// the product takes relative to its own file (data/, docs/, test/fixtures/, test/golden/, a .ts script it
// spawns or reads) reaches the project's own file: in a folder that tsc compiled, every file is linked beside
// the .js files; every other entry, a folder without compiled code included, is linked whole (so new golden
// files land in test/golden/). Run as <build folder>/test/support/link-test-tree.js, after tsc.
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILD = fileURLToPath(new URL('../../', import.meta.url));
const ROOT = dirname(BUILD);
const SKIPPED = new Set(['.test-build', '.bench-build', '.git']);

function complete(folder: string): void {
  mkdirSync(join(BUILD, folder), { recursive: true });
  for (const entry of readdirSync(join(ROOT, folder))) {
    const path = join(folder, entry);
    if (SKIPPED.has(path)) continue;
    const built = join(BUILD, path);
    if (!existsSync(built)) symlinkSync(relative(dirname(built), join(ROOT, path)), built);
    else if (statSync(built).isDirectory()) complete(path);
  }
}

complete('');
