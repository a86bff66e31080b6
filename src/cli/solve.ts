// `backprop-tutor solve FILE [--format text|json|latex|markdown|html|pdf] [--brief] [--form F] [--lang L] [--output FILE]`
import { basename } from 'node:path';
import { networkFromSource } from '../network/load';
import { InputError } from '../network/errors';
import { LIMIT_WORDS } from '../network/limits';
import { readSource, type Source } from '../network/source';
import { ExactLimitError } from '../number/limits';
import { isGraphSource } from '../graph/detect';
import { solve } from '../engine/solve';
import { isTraining, train, type Training } from '../engine/train';
import { solutionToJson, trainingToJson } from '../render/json';
import { solutionToText } from '../render/text';
import { SOLVE } from './commands';
import { SOLVE as WORDS } from './messages';
import { checkOutputPath } from './output';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';

/** Runs the command, writes its output, returns the exit code. */
export async function solveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(SOLVE, args);
  const worked = await import('./solve-worked');
  const workedOptions = worked.workedOptions(values);
  // A wrong --output (a folder, a missing folder, the input file itself) is refused before the work.
  if (workedOptions?.output !== undefined) checkOutputPath(workedOptions.output, [positionals[0]]);
  const source = readSource(positionals[0]);
  try {
    return await solveSource(source, values, workedOptions, worked);
  } catch (error) {
    // Inputs within the limits whose results still outgrow exact arithmetic: the file is to blame.
    if (error instanceof ExactLimitError) throw new InputError(positionals[0], null, LIMIT_WORDS.exact);
    throw error;
  }
}

async function solveSource(
  source: Source,
  values: ReturnType<typeof parseCommand<typeof SOLVE>>['values'],
  workedOptions: ReturnType<typeof import('./solve-worked').workedOptions>,
  worked: typeof import('./solve-worked'),
): Promise<number> {
  const { format, lang, brief } = values;
  const positionals = [source.file];
  if (isGraphSource(source.data)) {
    if (workedOptions) return worked.writeWorkedGraph(source, workedOptions);
    // A computational-graph file (top-level `graph` key): values and gradients of its nodes.
    process.stdout.write((await import('../graph/output')).graphOutput(source, format, lang));
    return 0;
  }
  if (brief && format !== 'text') throw new UsageError(WORDS.onlyWorked('--brief', 'text'));
  const network = networkFromSource(source);
  if (isTraining(network)) return solveTraining(train(network), positionals[0], values, workedOptions, worked);
  const solution = solve(network);
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

/** `steps` > 1 or `batch_size`: every step, in the chosen format. */
async function solveTraining(
  training: Training,
  file: string,
  values: { format: string; lang: 'en' | 'ja'; brief?: boolean },
  workedOptions: ReturnType<typeof import('./solve-worked').workedOptions>,
  worked: typeof import('./solve-worked'),
): Promise<number> {
  const { format, lang, brief } = values;
  if (workedOptions) return worked.writeWorkedTraining(training, file, workedOptions);
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(trainingToJson(training), null, 2)}\n`);
    return 0;
  }
  if (brief) {
    // One table per step, the step's rows named.
    const { messages } = await import('../i18n');
    const m = messages(lang);
    const n = training.steps.length;
    const parts = training.steps.map(
      ({ batch, solution }, k) =>
        `${m.training.step(k + 1, n, batch.map((i) => i + 1).join(', '))}\n\n${solutionToText(solution, lang)}`,
    );
    process.stdout.write(parts.join('\n'));
    return 0;
  }
  const { trainingDocument } = await import('../render/worked');
  const { renderTerminal } = await import('../render/terminal');
  const width = process.stdout.isTTY ? process.stdout.columns : 80;
  process.stdout.write(renderTerminal(trainingDocument(training, { lang, name: basename(file) }), { width }));
  return 0;
}
