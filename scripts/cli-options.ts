// What the command-line tools (npm run simulate, npm run fuzz) share: a bad option is an
// OptionError, printed with the usage and exit code 2; --help prints the usage and exits 0.

export class OptionError extends Error {}

/** `value` as a number within [min, max], or an OptionError naming the option. */
export function numberOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new OptionError(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
  return n;
}

/** The parsed options, or the process ends: usage on --help (0), the error and usage on a bad option (2). */
export function optionsOrExit<T extends { help: boolean }>(parse: (argv: string[], env: NodeJS.ProcessEnv) => T, usage: string): T {
  let opts: T;
  try {
    opts = parse(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof OptionError) && !(error instanceof TypeError)) throw error;
    console.error(`${error.message}\n\n${usage}`);
    process.exit(2);
  }
  if (opts.help) {
    console.log(usage);
    process.exit(0);
  }
  return opts;
}
