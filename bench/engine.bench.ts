/**
 * Indicator engine: generated passports of 1k, 10k and 100k material lines over real ÖKOBAUDAT profiles.
 * Reports ms, lines/s, peak RSS, and the ratio to a bare Float64Array multiply-add over the same numbers (every line's
 * quantity × every module × category value of its profile), measured in the same run.
 * Goals (issue 3): 10k lines ≤ 5× the bare loop; 100k lines < 1 s and < 300 MB.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { MaterialLine, Passport } from '@kringbouw/domain/lca';
import { a1Categories, calculateIndicators, modules, oekobaudat2020II, passportSchema } from '@kringbouw/domain/lca';
import { prettyJsonChunks } from '../packages/cli/src/json-stream.ts';

const library = oekobaudat2020II();
const profiles = [...library.profiles.values()].filter((p) => p.a1?.['A1-A3'] !== undefined && p.kgPerDeclaredUnit !== undefined).slice(0, 120);
const layers = ['constructie', 'omhulling', 'installaties', 'indeling', 'inventaris'] as const;
const connections = ['droog', 'toegevoegd', 'direct', 'zacht_chemisch', 'hard_chemisch'] as const;
const access = ['vrij', 'extra_handeling', 'herstelbare_schade', 'schade', 'onherstelbaar'] as const;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same passport. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(lineCount: number): { passport: Passport; profileIndex: Int32Array; quantity: Float64Array } {
  const random = rng(lineCount);
  const perElement = 20;
  const elements: Passport['elements'] = [];
  const profileIndex = new Int32Array(lineCount);
  const quantity = new Float64Array(lineCount);
  for (let i = 0; i < lineCount; i += perElement) {
    const lines: MaterialLine[] = [];
    for (let j = i; j < Math.min(lineCount, i + perElement); j++) {
      const k = Math.floor(random() * profiles.length);
      const profile = profiles[k];
      if (!profile) continue;
      const q = 0.1 + random() * 100;
      profileIndex[j] = k;
      quantity[j] = q;
      lines.push({
        description: profile.name.en ?? 'materiaal',
        quantity: q,
        unit: profile.declaredUnit,
        profileId: profile.id,
        serviceLifeYears: 10 + Math.floor(random() * 100),
        origin: { renewablePct: Math.floor(random() * 20), reusedPct: 0, recycledPct: Math.floor(random() * 30) },
        endOfLife: { reusePct: Math.floor(random() * 20), recyclingPct: Math.floor(random() * 60) },
        detachability: {
          connection: connections[Math.floor(random() * connections.length)],
          accessibility: access[Math.floor(random() * access.length)],
          crossings: 'geen',
          edgeContainment: 'open',
        },
        hazardous: false,
      });
    }
    elements.push({ nlsfb: String(21 + (i % 7)), name: `Element ${i / perElement + 1}`, layer: layers[(i / perElement) % layers.length] ?? 'constructie', lines });
  }
  return { passport: { project: { bvoM2: lineCount, buildingType: 'gestapeld' }, elements }, profileIndex, quantity };
}

/** Dense module × category vectors of the profiles, for the bare baseline loop. */
const width = modules.length * a1Categories.length;
const dense = new Float64Array(profiles.length * width);
profiles.forEach((profile, k) => {
  modules.forEach((m, mi) => {
    a1Categories.forEach((c, ci) => {
      dense[k * width + mi * a1Categories.length + ci] = profile.a1?.[m]?.[c] ?? 0;
    });
  });
});

function bareLoop(profileIndex: Int32Array, quantity: Float64Array): number {
  const acc = new Float64Array(width);
  for (let i = 0; i < profileIndex.length; i++) {
    const base = (profileIndex[i] as number) * width;
    const q = quantity[i] as number;
    for (let j = 0; j < width; j++) acc[j] = (acc[j] as number) + q * (dense[base + j] as number);
  }
  let s = 0;
  for (let j = 0; j < width; j++) s += acc[j] as number;
  return s;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(fn: () => unknown, runs: number): { median: number; best: number; cpu: number } {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { median: median(times), best: Math.min(...times), cpu: median(cpu) };
}

/**
 * Memory of one calculation in a fresh process: RSS after generating the passport (the input itself), and the peak
 * RSS after calculating it once and holding the result.
 */
function memoryOf(lines: number): { inputMb: number; peakMb: number; jsonPeakMb: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--memory', String(lines)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { inputMb: number; peakMb: number; jsonPeakMb: number };
}

if (process.argv[2] === '--memory' && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { passport } = generate(Number(process.argv[3]));
  const inputMb = process.memoryUsage().rss / 2 ** 20;
  const result = calculateIndicators(passport, { library });
  const peakMb = process.resourceUsage().maxRSS / 1024;
  // What the CLI's --json does on top: the pretty-printed JSON text, written in pieces (here counted, not printed).
  let jsonChars = 0;
  for (const chunk of prettyJsonChunks(result as unknown as Record<string, unknown>)) jsonChars += chunk.length;
  const jsonPeakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ inputMb, peakMb, jsonPeakMb, jsonMb: jsonChars / 2 ** 20, lines: result.lines.length })}\n`);
}

export default async function engineBench(): Promise<string> {
  // Warm up both code paths (JIT) on a small passport.
  const warm = generate(1000);
  for (let i = 0; i < 30; i++) {
    calculateIndicators(warm.passport, { library });
    calculateIndicators(warm.passport, { library, lineBreakdown: false });
    bareLoop(warm.profileIndex, warm.quantity);
  }
  const rows: string[] = [];
  let sink = 0;
  for (const n of [1_000, 10_000, 100_000]) {
    const { passport, profileIndex, quantity } = generate(n);
    const runs = n >= 100_000 ? 5 : 15;
    const engine = time(() => {
      sink += calculateIndicators(passport, { library }).gwp.total;
    }, runs);
    const summary = time(() => {
      sink += calculateIndicators(passport, { library, lineBreakdown: false }).gwp.total;
    }, runs);
    const computed = calculateIndicators(passport, { library });
    const objects = time(() => {
      sink += computed.lines.toArray().length;
    }, runs);
    const bare = time(() => {
      sink += bareLoop(profileIndex, quantity);
    }, runs);
    const validate = time(() => passportSchema.parse(passport), n >= 100_000 ? 1 : 3);
    const memory = memoryOf(n);
    rows.push(
      `| ${n.toLocaleString('en-US')} | ${engine.median.toFixed(1)} (${engine.best.toFixed(1)}) | ${Math.round(n / (engine.median / 1000)).toLocaleString('en-US')} | ${bare.median.toFixed(2)} (${bare.best.toFixed(2)}) | ${(engine.median / bare.median).toFixed(1)}× (${(engine.best / bare.best).toFixed(1)}×) | ${engine.cpu.toFixed(1)} / ${bare.cpu.toFixed(2)} = ${(engine.cpu / Math.max(bare.cpu, 0.001)).toFixed(1)}× | ${summary.median.toFixed(1)} (${summary.best.toFixed(1)}) = ${(summary.median / bare.median).toFixed(1)}× (${(summary.best / bare.best).toFixed(1)}×) | ${objects.median.toFixed(1)} | ${validate.median.toFixed(0)} | ${memory.inputMb.toFixed(0)} | ${memory.peakMb.toFixed(0)} | ${memory.jsonPeakMb.toFixed(0)} |`,
    );
  }
  if (!Number.isFinite(sink)) throw new Error('benchmark produced a non-finite result');
  return `### Indicator engine (\`calculateIndicators\`)

Generated passports over ${profiles.length} ÖKOBAUDAT 2020-II profiles, 20 lines per element; median of 15 runs (5 for 100k) after a warm-up of 30 runs on 1k lines.
"Bare loop" = a Float64Array multiply-add of every line's quantity with every module × category value of its profile
(${modules.length} × ${a1Categories.length} = ${width} numbers per line), in the same process. The engine computes far
more (replacements, conversions, MKI, GWP, biogenic carbon, origin, LI, MCI, HNN, the per-line breakdown) but
aggregates per profile, so it touches each profile vector once instead of once per line.
The per-line breakdown is stored as columns (typed arrays, ADR 0003) and included in "engine ms".
"Without line breakdown" is \`calculateIndicators(passport, { lineBreakdown: false })\`: the same indicators and warnings
without the columns (for portfolio runs). "Line objects" is the separate cost of \`result.lines.toArray()\`: turning
every line into a \`LineResult\` object, as \`JSON.stringify(result)\` does (the CLI's \`--json\` does it one line at a time).
"zod validation" is the separate cost of \`passportSchema.parse\` on the same passport (what readers pay once).
Times: wall-clock median (best) in ms; "CPU ms" is the median process CPU time per run (user + system, GC threads
included), which other processes on a shared machine disturb less than wall-clock time. Memory: a fresh process generates the passport ("input RSS"), calculates it once and
keeps the result ("peak RSS", the process maximum, input included), then produces the JSON text of the CLI's \`--json\`
in pieces, as the CLI writes it ("peak RSS with JSON").

| lines | engine ms | lines/s (median) | bare loop ms | ratio wall | CPU ms engine / bare = ratio | without line breakdown ms = ratio | line objects ms | zod validation ms | input RSS MB | peak RSS MB | peak RSS with JSON MB |
|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${rows.join('\n')}

Goals: 10k lines ≤ 5× the bare loop; 100k lines < 1 s and < 300 MB.
Load average during this run: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1/5/15 min) — on a shared machine the
best-of times are the better estimate of the engine's own cost.`;
}
