// An exclusive lock file holding the owner's PID: PGlite itself does not stop a second process from
// opening (and corrupting) the same data folder (dependencies.md).
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DmError } from '../errors.js';

export interface PidLock {
  release(): void;
}

/** Lock files held by this process, so a second open in the same process is refused too. */
const held = new Set<string>();

/**
 * Takes `<dir>/.lock`. A lock whose PID is dead is taken over; a live one throws DM_DB_LOCKED.
 * The lock is released by `release()` or when the process exits.
 */
export function acquirePidLock(dir: string): PidLock {
  const root = resolve(dir);
  const path = join(root, '.lock');
  if (held.has(path)) throw new DmError('DM_DB_LOCKED', { dir, pid: process.pid });
  mkdirSync(root, { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path)) return hold(path);
    const content = readContent(path);
    const owner = content === null ? null : Number.parseInt(content, 10);
    if (owner !== null && isAlive(owner)) throw new DmError('DM_DB_LOCKED', { dir, pid: owner });
    if (content !== null) removeStale(path, content);
  }
  throw new DmError('DM_DB_LOCKED', { dir, pid: readContent(path)?.trim() ?? '?' });
}

function ownContent(): string {
  return `${process.pid}\n`;
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, ownContent(), { flag: 'wx' });
    return true;
  } catch (error) {
    if (errno(error) === 'EEXIST') return false;
    throw error;
  }
}

function hold(path: string): PidLock {
  held.add(path);
  const release = (): void => {
    process.off('exit', release);
    if (!held.delete(path)) return;
    if (readContent(path) === ownContent()) unlinkQuietly(path);
  };
  process.on('exit', release);
  return { release };
}

function readContent(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (errno(error) === 'ENOENT') return null;
    throw error;
  }
}

/** Our own PID in a lock we do not hold is a previous incarnation (PID reuse, e.g. PID 1 in a container). */
function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errno(error) === 'EPERM';
  }
}

/** Moves the stale lock aside atomically; if another process replaced it meanwhile, puts theirs back. */
function removeStale(path: string, staleContent: string): void {
  const aside = `${path}.stale-${process.pid}-${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (errno(error) === 'ENOENT') return;
    throw error;
  }
  if (readContent(aside) !== staleContent) {
    try {
      linkSync(aside, path);
    } catch (error) {
      if (errno(error) !== 'EEXIST') throw error;
    }
  }
  unlinkQuietly(aside);
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}
