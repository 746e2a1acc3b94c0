// Runs one benchmark module and prints its Markdown section on stdout.
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
if (!file) throw new Error('usage: child.ts <file.bench.ts>');
const mod = (await import(pathToFileURL(file).href)) as { default: () => Promise<string> };
process.stdout.write(`${await mod.default()}\n`);
