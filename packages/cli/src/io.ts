/** Output channels of the CLI, passed in so tests can capture them. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};
