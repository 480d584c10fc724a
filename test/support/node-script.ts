// Node arguments that run a script of the tests in a child process the way the tests themselves run:
// compiled JavaScript directly (npm test, .test-build/), TypeScript sources through tsx.
import { fileURLToPath } from 'node:url';

/** @param name the script's path relative to `base` without extension, e.g. 'support/cli-process' */
export function nodeScript(name: string, base: string): string[] {
  const compiled = base.endsWith('.js');
  const path = fileURLToPath(new URL(`${name}.${compiled ? 'js' : 'ts'}`, base));
  return compiled ? [path] : ['--import', 'tsx', path];
}
