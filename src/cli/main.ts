#!/usr/bin/env node
// The command-line entry: picks the command and maps errors to exit codes. Commands live in their
// own modules so that heavy dependencies load only for the command that needs them.
import { InputError } from '../network/errors';
import { UsageError, USAGE } from './usage';
import { solveCommand } from './solve';
import pkg from '../../package.json';

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === '--version' || command === '-V') {
    process.stdout.write(`${pkg.version}\n`);
    return 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  switch (command) {
    case 'solve':
      process.stdout.write(solveCommand(rest));
      return 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  if (error instanceof InputError) {
    process.stderr.write(`backprop-tutor: ${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`backprop-tutor: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`backprop-tutor: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}
