// The `check` command's outputs. JSON follows the contract exactly:
//   exercise: { results: [ { ask, status, score, expected, misconception, [misconceptions, step,] feedback } ] }
//   work:     { results: [ { path, status, expected, misconception, carried_forward } ], first_wrong }
// Text is for people: one verdict per line, the feedback under it.
import type { AskValue } from '../exercises/quantities';
import type { ExpectedValue } from '../exercises/types';
import { jsonValue, type JsonValue } from '../number/json';
import { echo } from '../text/escape';
import { sentenceDecimal } from '../number/show';
import type { Value } from '../number/value';
import type { AskResult } from './grade';
import { formulaFor } from './formulas';
import { display, misconceptionFeedback } from './messages';
import { MIN_FIGURES } from './compare';
import { pick, type Lang } from './text';
import type { WorkCheck, WorkResult } from './work';
import type { NetworkSpec } from '../concepts/network';

type JsonExpected = JsonValue | JsonExpected[] | ExpectedValue | null;

function isValue(x: unknown): x is Value {
  return (
    x !== null &&
    typeof x === 'object' &&
    'kind' in x &&
    ((x as Value).kind === 'rational' || (x as Value).kind === 'real')
  );
}

function expectedJson(v: AskValue | ExpectedValue | null): JsonExpected {
  if (v === null) return null;
  if (Array.isArray(v)) return (v as readonly (AskValue | ExpectedValue)[]).map(expectedJson);
  if (isValue(v)) return jsonValue(v);
  return v as ExpectedValue;
}

export function exerciseResultsJson(results: readonly AskResult[], lang: Lang) {
  return {
    results: results.map((r) => ({
      ask: r.ask,
      status: r.status,
      score: r.score,
      expected: expectedJson(r.expected),
      misconception: r.misconception,
      ...(r.misconception === null ? {} : { misconceptions: r.misconceptions }),
      ...(r.step === null
        ? {}
        : { step: { title: lang === 'ja' ? r.step.label_ja : r.step.label_en, anchor: `step-${r.step.id}` } }),
      feedback: pick(r.feedback, lang),
    })),
  };
}

const MARK: Record<string, string> = { correct: '✓', incorrect: '✗', invalid: '?' };

/** A formula is longer than a name or a number: more of it is shown before the cut. */
const ECHO_FORMULA_MAX = 200;

function expectedText(v: AskValue | ExpectedValue | null): string {
  if (v === null) return '';
  if (!Array.isArray(v) && !isValue(v) && 'expression' in (v as object))
    // The expression comes from the exercise file: echoed, never printed raw.
    return echo((v as { expression: string }).expression, ECHO_FORMULA_MAX);
  return display(v as AskValue);
}

export function exerciseResultsText(results: readonly AskResult[], lang: Lang): string {
  const ja = lang === 'ja';
  const status = (s: string) =>
    ja ? ({ correct: '正解', incorrect: '不正解', invalid: '読み取れません' }[s] ?? s) : s;
  const lines: string[] = [];
  for (const r of results) {
    // A part carried forward is not the expected value, but it is not a mistake either: say which it is.
    const verdict = r.carriedForward
      ? `↪ ${ja ? '前の答えから正しく計算' : 'follows from your earlier answer'}`
      : `${MARK[r.status]} ${status(r.status)}`;
    lines.push(`${echo(r.ask)}: ${verdict}  (${ja ? '得点' : 'score'} ${r.score})`);
    lines.push(`    ${pick(r.feedback, lang)}`);
    // The answer is said once: not again under feedback that already gives it.
    const expected = expectedText(r.expected);
    if (r.status !== 'correct' && !pick(r.feedback, lang).includes(expected))
      lines.push(`    ${ja ? '正解' : 'expected'}: ${expected}`);
  }
  const total = results.reduce((s, r) => s + r.score, 0);
  lines.push(`${ja ? '合計' : 'Total'}: ${Math.round(total * 1000) / 1000} / ${results.length}`);
  return `${lines.join('\n')}\n`;
}

export function workJson(check: WorkCheck) {
  return {
    results: check.results.map((r) => ({
      path: r.path,
      status: r.status,
      expected: jsonValue(r.expected),
      misconception: r.misconception?.id ?? null,
      carried_forward: r.carriedForward,
    })),
    first_wrong: check.firstWrong?.path ?? null,
  };
}

/** The trace step id of a work value ("delta/1/0,0"), as the worked solution numbers it. */
export function workStepId(r: WorkResult): string {
  const e = r.entry;
  if (e.quantity === 'loss' || e.quantity === 'loss_after' || e.quantity === 'loss_improvement')
    return `${e.quantity}/-/`;
  const vector = e.quantity === 'grad_bias' || e.quantity === 'bias_after';
  const index = e.quantity === 'grad_alpha' ? '' : vector ? `${e.column}` : `${e.row},${e.column}`;
  return `${e.quantity}/${e.layer}/${index}`;
}

export function workText(check: WorkCheck, spec: NetworkSpec, lang: Lang): string {
  const ja = lang === 'ja';
  const lines: string[] = [];
  lines.push(
    ja
      ? `${check.results.length} 個の値を計算の順に確認しました:`
      : `Checked ${check.results.length} values of your work, in computation order:`,
  );
  for (const r of check.results) {
    const shown = `${r.path} = ${echo(r.entry.text.trim())}`;
    const expected = sentenceDecimal(r.expected);
    if (r.status === 'correct') {
      const fromRounded = r.fromRounded
        ? ja
          ? '（あなたの丸めた値から正しく計算できています）'
          : '  (right from your own rounded values)'
        : '';
      // Consistent with the exercise grader: fewer than 3 significant figures is right but flagged.
      const few = r.fewFigures
        ? ja
          ? `（有効数字が${MIN_FIGURES}桁未満です。後の値がずれないよう${MIN_FIGURES}桁以上で計算しましょう）`
          : `  (note: fewer than ${MIN_FIGURES} significant figures; keep at least ${MIN_FIGURES} so later values do not drift)`
        : '';
      const note = fromRounded + few;
      lines.push(`  ✓ ${shown}${note}`);
    } else if (r.status === 'invalid') {
      const answer = r.entry.answer;
      const why =
        answer.kind === 'invalid' ? pick(answer.message, lang) : ja ? '1 つの数を書いてください' : 'write one number';
      lines.push(`  ? ${shown}: ${why}`);
    } else if (r.carriedForward) {
      lines.push(
        `  → ${shown}: ${ja ? `あなたの前の値からは正しく計算できています（正解は ${expected}）` : `follows correctly from your earlier values (the right value is ${expected})`}`,
      );
    } else {
      lines.push(`  ✗ ${shown}: ${ja ? `正解は ${expected}` : `expected ${expected}`}`);
      if (r.misconception)
        lines.push(
          `      ${pick(misconceptionFeedback(r.misconception, { id: workStepId(r), label_en: r.path, label_ja: r.path }), lang)}`,
        );
    }
  }
  const first = check.firstWrong;
  if (first) {
    const formula = pick(formulaFor(first.entry.quantity, spec), lang);
    lines.push(
      ja
        ? `最初の誤り: ${first.path}（ステップ ${workStepId(first)}: ${formula}）`
        : `First wrong value: ${first.path} (step ${workStepId(first)}: ${formula})`,
    );
  } else if (check.results.every((r) => r.status === 'correct')) {
    const few = check.results.filter((r) => r.fewFigures).length;
    if (few === 0) lines.push(ja ? 'すべての値が正しく計算できています。' : 'Every value is right.');
    else
      lines.push(
        ja
          ? `すべての値が正しく計算できていますが、${few} 個は有効数字${MIN_FIGURES}桁未満です。`
          : `Every value is right, but ${few} ${few === 1 ? 'has' : 'have'} fewer than ${MIN_FIGURES} significant figures.`,
      );
  }
  return `${lines.join('\n')}\n`;
}
