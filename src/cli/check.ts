// `backprop-tutor check EXERCISE.json --answer a1=<answer> [--answer a2=…] [--hint a1[=N]] [--hints-used a1=N]`
// `backprop-tutor check NETWORK.yaml --work MY-WORK.yaml`
// [--format text|json] [--lang en|ja]. Exit 0 whenever it graded (right or wrong answers alike).
import { parseArgs } from 'node:util';
import { isSymbolicAsk, type Ask } from '../exercises/types';
import { InputError } from '../network/errors';
import { fail } from '../network/source';
import { loadNetwork } from '../network/load';
import { gradingContext, type GradingContext } from '../grader/context';
import { loadExercise, type LoadedExercise } from '../grader/exercise-file';
import { gradeExercise } from '../grader/grade';
import { hintsFor } from '../grader/hints';
import { exerciseResultsJson, exerciseResultsText, workJson, workText } from '../grader/render';
import { readAnswer } from '../grader/student';
import { pick, type Lang } from '../grader/text';
import { checkWork } from '../grader/work';
import { loadWork } from '../grader/work-file';
import { UsageError } from './usage';

const FORMATS = ['text', 'json'] as const;
const LANGS = ['en', 'ja'] as const;

/** "a1=0.15" → ["a1", "0.15"] (the answer may itself contain "="). */
function splitPair(flag: string, pair: string): [string, string] {
  const eq = pair.indexOf('=');
  if (eq <= 0) throw new UsageError(`check: ${flag} expects ASK=VALUE (e.g. ${flag} a1=0.15), got "${pair}"`);
  return [pair.slice(0, eq).trim(), pair.slice(eq + 1)];
}

function write(format: string, json: unknown, textOut: string): void {
  process.stdout.write(format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : textOut);
}

/** Every ask must be one the engine (or the formula grader) can answer; else a clear InputError. */
function validateAsks(loaded: LoadedExercise, ctx: GradingContext): void {
  loaded.exercise.asks.forEach((ask: Ask, i) => {
    if (isSymbolicAsk(ask)) {
      if (readAnswer(ask.expression, { variables: ask.variables }).kind !== 'formula' && readAnswer(ask.expression, { variables: ask.variables }).kind !== 'number') {
        fail(loaded.source, ['asks', i, 'expression'], 'expected a formula in the ask\'s variables');
      }
      return;
    }
    if (ctx.expected(ask) === null) {
      fail(loaded.source, ['asks', i], `cannot compute ${ask.quantity}${'layer' in ask && ask.layer !== undefined ? ` of layer ${ask.layer}` : ''}${'index' in ask && ask.index ? ` at [${ask.index.join(', ')}]` : ''} for this network (check quantity, layer and index)`);
    }
  });
}

export async function checkCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      answer: { type: 'string', short: 'a', multiple: true },
      work: { type: 'string', short: 'w' },
      hint: { type: 'string', multiple: true },
      'hints-used': { type: 'string', multiple: true },
      format: { type: 'string', short: 'f', default: 'text' },
      lang: { type: 'string', default: 'en' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'check: expected an EXERCISE.json (with --answer) or a NETWORK file (with --work)' : 'check: expected exactly one file');
  }
  const format = values.format as string;
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`check: --format must be one of ${FORMATS.join(', ')}, got "${format}"`);
  const lang = values.lang as string;
  if (!(LANGS as readonly string[]).includes(lang)) throw new UsageError(`check: --lang must be one of ${LANGS.join(', ')}, got "${lang}"`);
  const file = positionals[0];

  if (values.work !== undefined) {
    if (values.answer || values.hint || values['hints-used']) throw new UsageError('check: --work checks your own work on a network; --answer, --hint and --hints-used are for exercises');
    const spec = loadNetwork(file);
    const check = checkWork(spec, loadWork(values.work, spec));
    write(format, workJson(check), workText(check, spec, lang as Lang));
    return 0;
  }

  const loaded = loadExercise(file);
  const ctx = gradingContext(loaded.exercise, { tolerances: loaded.tolerances });
  validateAsks(loaded, ctx);
  const askIds = new Set(loaded.exercise.asks.map((a) => a.id));
  const known = (flag: string, id: string) => {
    if (!askIds.has(id)) throw new UsageError(`check: ${flag} ${id}: the exercise has no ask "${id}" (its asks: ${[...askIds].join(', ')})`);
  };

  if (values.hint) {
    if (values.answer) throw new UsageError('check: ask for a --hint, or grade --answer; not both at once');
    const out = values.hint.map((spec) => {
      const [id, levelText] = spec.includes('=') ? splitPair('--hint', spec) : [spec, '1'];
      known('--hint', id);
      const level = Number.parseInt(levelText, 10);
      const hints = hintsFor(ctx, loaded.exercise.asks.find((a) => a.id === id)!);
      if (!Number.isInteger(level) || level < 1 || level > hints.length) throw new UsageError(`check: --hint ${id}=${levelText}: this ask has hints 1..${hints.length}`);
      const hint = hints[level - 1];
      return { ask: id, hint: level, cost: hint.cost, text: pick(hint.text, lang as Lang) };
    });
    const textOut = out.map((h) => `${h.ask} ${lang === 'ja' ? 'ヒント' : 'hint'} ${h.hint} (−${Math.round(h.cost * 100)}%): ${h.text}\n`).join('');
    write(format, { hints: out }, textOut);
    return 0;
  }

  if (!values.answer || values.answer.length === 0) throw new UsageError('check: give at least one --answer ASK=VALUE (or --work for your own work on a network)');
  const answers = new Map<string, string>();
  for (const pair of values.answer) {
    const [id, answer] = splitPair('--answer', pair);
    known('--answer', id);
    if (answers.has(id)) throw new UsageError(`check: --answer ${id} is given twice`);
    answers.set(id, answer);
  }
  const hintsUsed = new Map<string, number>();
  for (const pair of values['hints-used'] ?? []) {
    const [id, n] = splitPair('--hints-used', pair);
    known('--hints-used', id);
    if (!/^\d{1,3}$/.test(n)) throw new UsageError(`check: --hints-used ${id}=${n}: expected a count such as 1 or 2`);
    const available = hintsFor(ctx, loaded.exercise.asks.find((a) => a.id === id)!).length;
    if (Number(n) > available) throw new UsageError(`check: --hints-used ${id}=${n}: this ask has ${available} hint${available === 1 ? '' : 's'} (0..${available})`);
    hintsUsed.set(id, Number(n));
  }
  let results;
  try {
    results = gradeExercise(ctx, answers, { hintsUsed });
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(file, null, error.message);
    throw error;
  }
  write(format, exerciseResultsJson(results, lang as Lang), exerciseResultsText(results, lang as Lang));
  return 0;
}
