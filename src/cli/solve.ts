// `backprop-tutor solve FILE [--format text|json|latex|markdown|html|pdf] [--form F] [--lang L] [--output FILE]`
import { parseArgs } from 'node:util';
import { networkFromSource } from '../network/load';
import { readSource } from '../network/source';
import { isGraphSource } from '../graph/detect';
import { solve } from '../engine/solve';
import { solutionToJson } from '../render/json';
import { solutionToText } from '../render/text';
import { UsageError } from './usage';

const FORMATS = ['text', 'json', 'latex', 'markdown', 'html', 'pdf'] as const;

/** Runs the command, writes its output, returns the exit code. */
export async function solveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      // Worked solutions (latex, markdown, html, pdf): see src/cli/solve-worked.ts.
      form: { type: 'string' },
      lang: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? { en: 'solve: expected a network FILE', ja: 'solve: ネットワークのファイル FILE を指定してください' }
        : { en: 'solve: expected exactly one FILE', ja: 'solve: FILE は1つだけ指定してください' },
    );
  }
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError({
      en: `solve: --format must be one of ${FORMATS.join(', ')}, got "${format}"`,
      ja: `solve: --format は ${FORMATS.join(', ')} のいずれかにしてください（指定値: "${format}"）`,
    });
  }
  const worked = await import('./solve-worked');
  const workedOptions = worked.workedOptions(format, values);
  const source = readSource(positionals[0]);
  if (isGraphSource(source.data)) {
    if (workedOptions) return worked.writeWorkedGraph(source, workedOptions);
    // A computational-graph file (top-level `graph` key): values and gradients of its nodes.
    process.stdout.write((await import('../graph/output')).graphOutput(source, format, worked.langOption(values)));
    return 0;
  }
  const solution = solve(networkFromSource(source));
  if (workedOptions) return worked.writeWorkedSolution(solution, positionals[0], workedOptions);
  process.stdout.write(format === 'json' ? `${JSON.stringify(solutionToJson(solution), null, 2)}\n` : solutionToText(solution, worked.langOption(values)));
  return 0;
}
