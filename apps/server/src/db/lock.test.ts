import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirectoryInUseError, lockDataDirectory } from './index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kringbouw-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('DATA_DIR lock for PGlite', () => {
  it('writes our pid and removes the lock on release', () => {
    const dir = tempDir();
    const release = lockDataDirectory(dir);
    expect(readFileSync(path.join(dir, 'pgdata.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
    expect(existsSync(path.join(dir, 'pgdata.lock'))).toBe(false);
  });

  it('refuses a directory locked by another running process', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'pgdata.lock'), `${process.ppid}\n`);
    expect(() => lockDataDirectory(dir)).toThrow(DataDirectoryInUseError);
    expect(() => lockDataDirectory(dir)).toThrow(`pid ${process.ppid}`);
  });

  it('takes over a lock left behind by a process that no longer runs', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'pgdata.lock'), '2147483646\n');
    const release = lockDataDirectory(dir);
    expect(readFileSync(path.join(dir, 'pgdata.lock'), 'utf8').trim()).toBe(String(process.pid));
    release();
  });
});
