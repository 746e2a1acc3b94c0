/**
 * Entry point of the `kringbouw` command. Each sub-command lives in its own file under ./commands and
 * returns an exit code; nothing here prints stack traces to the user.
 */
import type { CliIo } from './io.ts';
import { defaultIo } from './io.ts';

type Command = (args: string[], io: CliIo) => Promise<number>;

const commands: Record<string, () => Promise<Command>> = {
  calc: async () => (await import('./commands/calc.ts')).calcCommand,
  ifc: async () => (await import('./commands/ifc.ts')).ifcCommand,
};

const usage = `Gebruik: kringbouw <opdracht> [opties]

Opdrachten:
  calc <paspoort.csv|.xlsx|.json|.ifc>   indicatoren berekenen (MKI/MPG, CO2, biobased, losmaakbaarheid, MCI)
  ifc <model.ifc> [--json]               laat zien wat uit een IFC-model wordt gehaald

Meer hulp: kringbouw <opdracht> --help`;

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    io.err(`kringbouw: onbekende opdracht "${name}"\n\n${usage}`);
    return 2;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (error) {
    io.err(`kringbouw ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
