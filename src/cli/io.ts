/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** Whether stdout is a terminal (colour, progress). */
  isTty: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** A CLI command: one short file that calls one library function. */
export interface Command {
  name: string;
  usage: string;
  run(args: string[], io: Io): Promise<number>;
}
