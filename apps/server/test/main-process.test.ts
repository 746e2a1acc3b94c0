/**
 * The real entry point, as `npm start` runs it: a server process on an embedded PGlite in a fresh DATA_DIR, stopped
 * with SIGTERM and started again. Whatever was written before the stop must still be there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'kringbouw-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function start(port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}): ${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/ready`);
      if (response.ok) return { child, output: () => output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${output}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function signIn(base: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'beleid@leiden.demo', password: 'kringbouw-demo' }),
  });
  expect(response.status).toBe(200);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken: body.csrfToken };
}

describe('src/main.ts', () => {
  it('creates DATA_DIR with the database and secret, stops cleanly on SIGTERM and keeps data and sessions across restarts', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await start(port);
    expect(existsSync(path.join(dataDir, 'pgdata'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'secret'))).toBe(true);
    // A second server on the same DATA_DIR would corrupt PGlite: it refuses to start.
    await expect(start(await freePort())).rejects.toThrow(/exited early \(1\).*Another Kringbouw server/s);
    const session = await signIn(base);
    const organisations = (await (await fetch(`${base}/api/organisations?q=Gemeente%20Leiden`, { headers: { cookie: session.cookie } })).json()) as {
      items: { id: string }[];
    };
    const leiden = organisations.items[0]?.id;
    const created = await fetch(`${base}/api/projects`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({
        name: 'Blijft bewaard na herstart',
        municipalityCode: 'GM0546',
        kind: 'nieuwbouw',
        phase: 'initiatief',
        dwellings: 10,
        buildingType: 'grondgebonden',
        ownerOrganisationId: leiden,
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await stop(first.child)).toBe(0);

    const second = await start(port);
    try {
      // Same session cookie and CSRF token still work: the secret and the sessions table survived.
      const again = await fetch(`${base}/api/projects/${id}`, { headers: { cookie: session.cookie } });
      expect(again.status).toBe(200);
      expect(((await again.json()) as { name: string }).name).toBe('Blijft bewaard na herstart');
      const total = (await (await fetch(`${base}/api/projects?q=Voorbeeld`, { headers: { cookie: session.cookie } })).json()) as { total: number };
      expect(total.total).toBe(6); // the demo data was not added a second time
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  }, 120_000);
});
