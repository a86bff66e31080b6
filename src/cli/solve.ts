// `backprop-tutor solve FILE [--format text|json|latex|markdown|html|pdf] [--form F] [--lang L] [--output FILE]`
import { networkFromSource } from '../network/load';
import { readSource } from '../network/source';
import { isGraphSource } from '../graph/detect';
import { solve } from '../engine/solve';
import { solutionToJson } from '../render/json';
import { solutionToText } from '../render/text';
import { SOLVE } from './commands';
import { parseCommand } from './parse';

/** Runs the command, writes its output, returns the exit code. */
export async function solveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(SOLVE, args);
  const { format, lang } = values;
  const worked = await import('./solve-worked');
  const workedOptions = worked.workedOptions(values);
  const source = readSource(positionals[0]);
  if (isGraphSource(source.data)) {
    if (workedOptions) return worked.writeWorkedGraph(source, workedOptions);
    // A computational-graph file (top-level `graph` key): values and gradients of its nodes.
    process.stdout.write((await import('../graph/output')).graphOutput(source, format, lang));
    return 0;
  }
  const solution = solve(networkFromSource(source));
  if (workedOptions) return worked.writeWorkedSolution(solution, positionals[0], workedOptions);
  process.stdout.write(
    format === 'json' ? `${JSON.stringify(solutionToJson(solution), null, 2)}\n` : solutionToText(solution, lang),
  );
  return 0;
}
