import { dmError } from '../../errors.js';

export function requirePositionals(positionals: readonly string[], min: number, max: number, usage: string): readonly string[] {
  if (positionals.length < min || positionals.length > max) {
    throw dmError('DM_USAGE', { detail: `erwartet: ${usage}, erhalten: ${positionals.length} Argument(e).` });
  }
  return positionals;
}
