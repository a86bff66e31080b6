// `backprop-tutor check EXERCISE.json --answer a1=<answer> [--answer a2=…] [--hint a1[=N]] [--hints-used a1=N]`
// `backprop-tutor check NETWORK.yaml --work MY-WORK.yaml`
// [--format text|json] [--lang en|ja]. Exit 0 whenever it graded (right or wrong answers alike).
import { isSymbolicAsk, type Ask } from '../exercises/types';
import { InputError } from '../network/errors';
import { fail } from '../network/source';
import { loadNetwork } from '../network/load';
import { gradingContext, type GradingContext } from '../grader/context';
import { loadExercise, type LoadedExercise } from '../grader/exercise-file';
import { checkedAgainstTemplate } from '../grader/provenance';
import { gradeExercise } from '../grader/grade';
import { hintsFor } from '../grader/hints';
import { exerciseResultsJson, exerciseResultsText, workJson, workText } from '../grader/render';
import { readAnswer } from '../grader/student';
import { pick } from '../grader/text';
import { checkWork } from '../grader/work';
import { loadWork } from '../grader/work-file';
import { echo, escapeTerminal } from '../text/escape';
import { CHECK } from './commands';
import { CHECK as WORDS } from './messages';
import { parseCommand } from './parse';
import { UsageError } from './usage-error';

/** The longest hint shown whole (the bundled ones are one or two sentences). */
const ECHO_HINT_MAX = 500;

/** "a1=0.15" → ["a1", "0.15"] (the answer may itself contain "="). */
function splitPair(flag: string, pair: string): [string, string] {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new UsageError(WORDS.pair(flag, echo(pair)));
  return [pair.slice(0, eq).trim(), pair.slice(eq + 1)];
}

function write(format: string, json: unknown, textOut: string): void {
  process.stdout.write(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : textOut);
}

/** Every ask must be one the engine (or the formula grader) can answer; else a clear InputError. */
function validateAsks(loaded: LoadedExercise, ctx: GradingContext): void {
  loaded.exercise.asks.forEach((ask: Ask, i) => {
    if (isSymbolicAsk(ask)) {
      if (
        readAnswer(ask.expression, { variables: ask.variables }).kind !== 'formula' &&
        readAnswer(ask.expression, { variables: ask.variables }).kind !== 'number'
      ) {
        fail(loaded.source, ['asks', i, 'expression'], WORDS.askNotFormula);
      }
      return;
    }
    if (ctx.expected(ask) === null) {
      fail(
        loaded.source,
        ['asks', i],
        WORDS.cannotCompute(
          ask.quantity,
          'layer' in ask ? ask.layer : undefined,
          'index' in ask && ask.index ? ask.index : undefined,
        ),
      );
    }
  });
}

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(CHECK, args);
  const { format, lang, answer, hint, work } = values;
  const hintsUsedPairs = values['hints-used'];
  const file = positionals[0];

  if (work !== undefined) {
    if (answer.length > 0 || hint.length > 0 || hintsUsedPairs.length > 0) throw new UsageError(WORDS.workWithAnswers);
    const spec = loadNetwork(file);
    const check = checkWork(spec, loadWork(work, spec));
    write(format, workJson(check), workText(check, spec, lang));
    return 0;
  }

  const { loaded, notes } = checkedAgainstTemplate(loadExercise(file));
  for (const note of notes) process.stderr.write(`backprop-tutor: ${escapeTerminal(`${file}: ${pick(note, lang)}`)}\n`);
  const ctx = gradingContext(loaded.exercise, { tolerances: loaded.tolerances });
  validateAsks(loaded, ctx);
  const askIds = new Set(loaded.exercise.asks.map((a) => a.id));
  const known = (flag: string, id: string) => {
    if (!askIds.has(id)) throw new UsageError(WORDS.noSuchAsk(flag, echo(id), echo([...askIds].join(', '), 300)));
  };

  if (hint.length > 0) {
    if (answer.length > 0) throw new UsageError(WORDS.hintAndAnswer);
    const out = hint.map((spec) => {
      const [id, levelText] = spec.includes('=') ? splitPair('--hint', spec) : [spec, '1'];
      known('--hint', id);
      const level = Number.parseInt(levelText, 10);
      const hints = hintsFor(ctx, loaded.exercise.asks.find((a) => a.id === id)!);
      if (!Number.isInteger(level) || level < 1 || level > hints.length)
        throw new UsageError(WORDS.hintLevel(echo(id), echo(levelText), hints.length));
      return { ask: id, hint: level, cost: hints[level - 1].cost, text: pick(hints[level - 1].text, lang) };
    });
    const textOut = out
      // A hint may come from the exercise file: one line, escaped, and cut if it runs on.
      .map(
        (h) =>
          `${h.ask} ${pick(WORDS.hint, lang)} ${h.hint} (−${Math.round(h.cost * 100)}%): ${echo(h.text, ECHO_HINT_MAX)}\n`,
      )
      .join('');
    write(format, { hints: out }, textOut);
    return 0;
  }

  if (answer.length === 0) throw new UsageError(WORDS.needAnswer);
  const answers = new Map<string, string>();
  for (const pair of answer) {
    const [id, value] = splitPair('--answer', pair);
    known('--answer', id);
    if (answers.has(id)) throw new UsageError(WORDS.answerTwice(echo(id)));
    answers.set(id, value);
  }
  const hintsUsed = new Map<string, number>();
  for (const pair of hintsUsedPairs) {
    const [id, n] = splitPair('--hints-used', pair);
    known('--hints-used', id);
    if (!/^\d{1,3}$/.test(n)) throw new UsageError(WORDS.hintsUsedCount(echo(id), echo(n)));
    const available = hintsFor(ctx, loaded.exercise.asks.find((a) => a.id === id)!).length;
    if (Number(n) > available) throw new UsageError(WORDS.hintsUsedTooMany(echo(id), echo(n), available));
    hintsUsed.set(id, Number(n));
  }
  let results;
  try {
    results = gradeExercise(ctx, answers, { hintsUsed });
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(file, null, error.message);
    throw error;
  }
  write(format, exerciseResultsJson(results, lang), exerciseResultsText(results, lang));
  return 0;
}
