/** Output channels of the CLI, passed in so tests can capture them. */
export interface CliIo {
  /** A whole message; a final newline is added when missing. */
  out(text: string): void;
  err(text: string): void;
  /** Raw output written as is (long output in pieces); optional, `out` is used without it. */
  write?(chunk: string): void;
}

export const defaultIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  write: (chunk) => process.stdout.write(chunk),
};
