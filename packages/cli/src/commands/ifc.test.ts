import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.ts';
import { ifcCommand } from './ifc.ts';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = `${root}packages/cli/bin/kringbouw.js`;
const fixture = (name: string) => `${root}packages/ifc/test/fixtures/${name}`;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

function capture(): CliIo & { output: string[]; errors: string[] } {
  const output: string[] = [];
  const errors: string[] = [];
  return { output, errors, out: (text) => output.push(text), err: (text) => errors.push(text) };
}

interface JsonElement {
  globalId: string;
  ifcClass: string;
  name: string;
  storey: string | null;
  materials: { name: string; share: number }[];
  volumeM3: number | null;
  areaM2: number | null;
  quantitySource: string | null;
}

describe('kringbouw ifc', { timeout: 60_000 }, () => {
  it('--json prints the extraction of the IFC2X3 model with base quantities', async () => {
    const { code, stdout, stderr } = await cli(['ifc', fixture('office-cv2.ifc'), '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { schema: string; elements: JsonElement[]; withoutMaterial: string[]; withoutQuantity: string[] };
    expect(result.schema).toBe('IFC2X3');
    expect(result.elements).toHaveLength(71);
    const wall = result.elements.find((e) => e.globalId === '36jX$zrDQFJg5KoMWSrrxc');
    expect(wall).toMatchObject({
      ifcClass: 'IfcWallStandardCase',
      name: 'Wall - 034',
      storey: 'Ground Floor',
      materials: [{ name: 'Concrete - Structural', share: 1 }],
      quantitySource: 'qto',
    });
    expect(wall?.volumeM3).toBeCloseTo(6.58114642413, 9);
    expect(wall?.areaM2).toBeCloseTo(32.9313603861, 9);
    expect(result.withoutMaterial).toEqual([]);
    expect(result.withoutQuantity).toEqual([]);
  });

  it('prints a Dutch summary without --json', async () => {
    const io = capture();
    expect(await ifcCommand([fixture('example.ifc')], io)).toBe(0);
    const text = io.output.join('\n');
    expect(text).toContain('116 elementen op 2 verdieping(en); hoeveelheden: 0 uit hoeveelhedensets, 116 uit geometrie, 0 zonder');
    expect(text).toMatch(/IfcBeam\s+44/);
    expect(text).toMatch(/IfcWallStandardCase\s+17/);
    expect(text).toContain('Zonder materiaal (2):');
    expect(text).toMatch(/Totaal volume: \d+,\d m³/);
  });

  it('exits 1 with a one-line reason for an unsupported schema and a broken file, never a stack trace', async () => {
    const old = await cli(['ifc', fixture('fzk-haus.ifc')]);
    expect(old.code).toBe(1);
    expect(old.stdout).toBe('');
    expect(old.stderr.trim().split('\n')).toHaveLength(1);
    expect(old.stderr).toContain('IFC2X_FINAL');
    expect(old.stderr).toContain('niet ondersteund');

    const notIfc = await cli(['ifc', fixture('README.md')]);
    expect(notIfc.code).toBe(1);
    expect(notIfc.stderr.trim().split('\n')).toHaveLength(1);
    expect(notIfc.stderr).toContain('geen IFC-bestand');
    expect(notIfc.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a truncated file as damaged and a missing file as not found', async () => {
    const io = capture();
    expect(await ifcCommand([fixture('nope.ifc')], io)).toBe(1);
    expect(io.errors.join('')).toContain('bestand niet gevonden');
    const truncatedPath = join(await mkdtemp(join(tmpdir(), 'kringbouw-ifc-')), 'afgekapt.ifc');
    await writeFile(truncatedPath, (await readFile(fixture('example.ifc'))).subarray(0, 200_000));
    const truncated = capture();
    expect(await ifcCommand([truncatedPath], truncated)).toBe(1);
    expect(truncated.errors).toHaveLength(1);
    expect(truncated.errors[0]).toMatch(/beschadigd.*afgekapt/);
  });

  it('exits 2 on usage errors', async () => {
    const io = capture();
    expect(await ifcCommand([], io)).toBe(2);
    expect(await ifcCommand(['a.ifc', 'b.ifc'], io)).toBe(2);
    expect(await ifcCommand(['a.ifc', '--onbekend'], io)).toBe(2);
    expect(await ifcCommand(['a.ifc', '--max-seconden', 'nul'], io)).toBe(2);
  });
});
