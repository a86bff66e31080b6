// `backprop-tutor solve FILE [--format text|json|latex|markdown|html|pdf] [--brief] [--form F] [--lang L] [--output FILE]`
import { basename } from 'node:path';
import { networkFromSource } from '../network/load';
import { readSource } from '../network/source';
import { isGraphSource } from '../graph/detect';
import { solve } from '../engine/solve';
import { solutionToJson } from '../render/json';
import { solutionToText } from '../render/text';
import { SOLVE } from './commands';
import { SOLVE as WORDS } from './messages';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';

/** Runs the command, writes its output, returns the exit code. */
export async function solveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(SOLVE, args);
  const { format, lang, brief } = values;
  const worked = await import('./solve-worked');
  const workedOptions = worked.workedOptions(values);
  const source = readSource(positionals[0]);
  if (isGraphSource(source.data)) {
    if (workedOptions) return worked.writeWorkedGraph(source, workedOptions);
    // A computational-graph file (top-level `graph` key): values and gradients of its nodes.
    process.stdout.write((await import('../graph/output')).graphOutput(source, format, lang));
    return 0;
  }
  if (brief && format !== 'text') throw new UsageError(WORDS.onlyWorked('--brief', 'text'));
  const solution = solve(networkFromSource(source));
  if (workedOptions) return worked.writeWorkedSolution(solution, positionals[0], workedOptions);
  if (format === 'text' && !brief) {
    // The worked steps in the terminal; a pipe or file gets 80 columns.
    const { networkDocument } = await import('../render/worked');
    const { renderTerminal } = await import('../render/terminal');
    const width = process.stdout.isTTY ? process.stdout.columns : 80;
    process.stdout.write(
      renderTerminal(networkDocument(solution, { lang, name: basename(positionals[0]) }), { width }),
    );
    return 0;
  }
  process.stdout.write(
    format === 'json' ? `${JSON.stringify(solutionToJson(solution), null, 2)}\n` : solutionToText(solution, lang),
  );
  return 0;
}
