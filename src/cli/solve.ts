// `backprop-tutor solve FILE [--format text|json]`
import { parseArgs } from 'node:util';
import { loadNetwork } from '../network/load';
import { solve } from '../engine/solve';
import { solutionToJson } from '../render/json';
import { solutionToText } from '../render/text';
import { UsageError } from './usage';

const FORMATS = ['text', 'json'] as const;

/** Runs the command, writes its output, returns the exit code. */
export async function solveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { format: { type: 'string', short: 'f', default: 'text' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'solve: expected a network FILE' : 'solve: expected exactly one FILE');
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`solve: --format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  }
  const solution = solve(loadNetwork(positionals[0]));
  process.stdout.write(format === 'json' ? `${JSON.stringify(solutionToJson(solution), null, 2)}\n` : solutionToText(solution));
  return 0;
}
