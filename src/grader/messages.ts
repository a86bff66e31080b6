// The grader's sentences, in English and Japanese. Each verdict gets one short message; a recognised
// misconception is named in one sentence and points at the step that shows the right way.
import type { StepReference } from './steps';
import { terminatesWithin, valueText } from '../number/format';
import { sentenceDecimal, sentenceNumber } from '../number/show';
import type { Mistake } from '../concepts/misconceptions';
import type { AskValue } from '../exercises/quantities';
import { approx, type Value } from '../number/value';
import type { Place, Rounding, RoundingPolicy } from './chains';
import { MIN_FIGURES } from './compare';
import { misconception } from './misconceptions';
import { roundToFigures } from './precision';
import { text, type Text } from './text';

/** A value for a message: "3/20 = 0.15", "σ(151/400) ≈ 0.5932699921", a vector or matrix in brackets. */
export function display(v: AskValue): string {
  if (!Array.isArray(v)) return valueText(v as Value);
  return `[${(v as readonly AskValue[]).map((x) => (Array.isArray(x) ? display(x) : sentenceNumber(x as Value))).join(', ')}]`;
}

export const CORRECT = text('Correct.', '正解です。');

export function roundedCorrect(figures: number): Text {
  return text(`Correct (rounded to ${figures} significant figures).`, `正解です（有効数字${figures}桁）。`);
}

export const TOLERANCE_CORRECT = text(
  'Correct (within the tolerance of this exercise).',
  '正解です（この問題の許容誤差の範囲内）。',
);

export function expressionCorrect(figures: number): Text {
  return text(
    `Correct to the ${figures} significant figures of the rounded decimals in your expression.`,
    `正解です（式中の丸めた小数の有効数字${figures}桁の範囲で一致）。`,
  );
}

/** The value written with MIN_FIGURES significant figures, trailing zeros kept (2.30, not 2.3); a shorter exact decimal as it is (0.125). */
export function figuresExample(value: Value): string {
  if (terminatesWithin(value, MIN_FIGURES)) return approx(value).toFixed();
  const d = approx(roundToFigures(value, MIN_FIGURES));
  return d.toFixed(Math.max(0, MIN_FIGURES - 1 - d.e));
}

export function fewFigures(value: Value): Text {
  const example = figuresExample(value);
  return text(
    `Right value, but give at least ${MIN_FIGURES} significant figures (e.g. ${example}).`,
    `値は合っていますが、有効数字${MIN_FIGURES}桁以上で答えてください（例: ${example}）。`,
  );
}

function roundingText(r: Rounding | null): Text {
  if (r === null) return text('unrounded', '丸めない');
  return r.by === 'figures'
    ? text(`to ${r.n} significant figures`, `有効数字${r.n}桁`)
    : text(`to ${r.n} decimal places`, `小数第${r.n}位`);
}

const PLACE_NAMES: Record<string, readonly [string, string]> = {
  preactivation: ['a', 'a'],
  output: ['z', 'z'],
  output_after: ['z after the update', '更新後の z'],
  grad_output: ['∂L/∂z', '∂L/∂z'],
  activation_derivative: ['h′(a)', 'h′(a)'],
  delta: ['δ', 'δ'],
  grad_weights: ['∂L/∂W', '∂L/∂W'],
  grad_bias: ['∂L/∂b', '∂L/∂b'],
  loss: ['L', 'L'],
  loss_after: ['L after the update', '更新後の L'],
  sample_loss: ['the loss of each sample', 'サンプルごとの損失'],
};

function placeText(p: Place): Text {
  const [en, ja] = PLACE_NAMES[p.quantity] ?? [p.quantity, p.quantity];
  // Layers are numbered from 1, as the prompt numbers them.
  return p.layer < 0 ? text(en, ja) : text(`${en} of layer ${p.layer + 1}`, `第${p.layer + 1}層の ${ja}`);
}

function policyText(policy: RoundingPolicy): Text {
  if (policy.all !== null) {
    const r = roundingText(policy.all);
    return text(`intermediate values rounded ${r.en}`, `途中の値を${r.ja}に丸めて計算した値`);
  }
  const en = policy.inputs.map((i) => `${placeText(i).en} ${roundingText(i.rounding).en}`).join(', ');
  const ja = policy.inputs.map((i) => `${placeText(i).ja}: ${roundingText(i.rounding).ja}`).join('、');
  return text(`the values it is computed from, rounded (${en}),`, `元になる値を丸めて（${ja}）計算した値`);
}

export function roundedInExactExercise(policy: RoundingPolicy, right: Value): Text {
  const p = policyText(policy);
  const full = sentenceDecimal(right);
  return text(
    `Almost: this is what ${p.en} give, but this exercise is exact: keep every digit of the intermediate values (the answer is ${full}).`,
    `惜しい: ${p.ja}と一致しますが、この問題は正確な値を求めます。途中の値の桁をすべて残して計算してください（正解は ${full}）。`,
  );
}

export function coarseIntermediates(policy: RoundingPolicy, right: Value): Text {
  const p = policyText(policy);
  const full = sentenceDecimal(right);
  return text(
    `Almost: this is what ${p.en} give; the method is right, but keep at least ${MIN_FIGURES} significant figures along the way (the answer is ${full}).`,
    `惜しい: ${p.ja}と一致します。計算の方法は正しいですが、途中の値も有効数字${MIN_FIGURES}桁以上を残してください（正解は ${full}）。`,
  );
}

export function fromRoundedIntermediates(policy: RoundingPolicy, right: Value): Text {
  const p = policyText(policy);
  const full = sentenceDecimal(right);
  return text(
    `Correct: this is what ${p.en} give (without rounding along the way it is ${full}).`,
    `正解です: ${p.ja}と一致します（途中で丸めなければ ${full}）。`,
  );
}

export function fromOwnRoundedValues(askIds: readonly string[], right: Value): Text {
  const ids = askIds.join(', ');
  return text(
    `Correct: it follows from your rounded answer to ${ids} (at full precision it is ${sentenceDecimal(right)}).`,
    `正解です: あなたが丸めた ${ids} の答えから正しく計算できています（丸めなければ ${sentenceDecimal(right)}）。`,
  );
}

export function carriedForward(used: readonly { readonly id: string; readonly text: string }[]): Text {
  const ids = used.map((u) => u.id).join(', ');
  const values = used.map((u) => `${u.id} = ${u.text}`).join(', ');
  return text(
    `Not the expected value, but it follows correctly from your answer ${values}: correct ${ids} and this part will be right too.`,
    `正解とは異なりますが、あなたの答え ${values} からは正しく計算できています。${ids} を直せばこの答えも正しくなります。`,
  );
}

export const CARRIED_FORWARD_CELL = text(
  'Not the expected value, but it follows correctly from your answer to an earlier part.',
  '正解とは異なりますが、前の問いのあなたの答えからは正しく計算できています。',
);

export function truncated(value: Value, places: number): Text {
  const rounded = approx(value).toFixed(Math.max(places, 0));
  return text(
    `Almost: round the last digit instead of cutting the digits off (${rounded}).`,
    `惜しい: 最後の桁は切り捨てではなく四捨五入してください（${rounded}）。`,
  );
}

export function wrong(expected: AskValue): Text {
  const e = display(expected);
  return text(`Incorrect: the answer is ${e}.`, `不正解です。正解は ${e} です。`);
}

/** " (in layer n)", numbered from 1 as the prompt numbers layers. */
export function layerText(layer: number | undefined): Text {
  return layer === undefined ? text('', '') : text(` (in layer ${layer + 1})`, `（第${layer + 1}層）`);
}

/**
 * "It looks like <the mistake> (or <another that gives the same number>). The right way (step “…”):
 * <formula>." The step is named by its title; its anchor goes into the JSON, never into the words.
 */
export function misconceptionFeedback(
  mistake: Mistake,
  stepRef: StepReference | null,
  conventionNote: Text | null = null,
  formula: Text | null = null,
  description: Text | null = null,
  alternatives: readonly Text[] = [],
): Text {
  const c = misconception(mistake.id);
  const words = description ?? c.words;
  const right = formula ?? c.step.formula;
  const where = layerText(mistake.layer);
  const step = stepRef
    ? text(` (worked solution, step “${stepRef.label_en}”)`, `（途中式つきの解説のステップ「${stepRef.label_ja}」）`)
    : text('', '');
  const note = conventionNote ?? text('', '');
  const or = alternatives.length
    ? text(
        `, or that ${alternatives.map((a) => a.en).join(', or that ')}: both give this number`,
        `、または${alternatives.map((a) => a.ja).join('、または')}（どちらもこの値になります）`,
      )
    : text('', '');
  return text(
    `Incorrect: it looks like ${words.en}${where.en}${note.en}${or.en}. The right way${step.en}: ${right.en}.`,
    `不正解です。よくある間違い: ${words.ja}${where.ja}${note.ja}${or.ja}。正しい手順${step.ja}: ${right.ja}。`,
  );
}

export function shapeMismatch(
  expectedRows: number,
  expectedColumns: number,
  gotRows: number,
  gotColumns: number,
  what: Text,
): Text {
  return text(
    `Expected a ${expectedRows}×${expectedColumns} matrix (${what.en}), got ${gotRows}×${gotColumns}.`,
    `${expectedRows}×${expectedColumns} の行列（${what.ja}）が必要ですが、${gotRows}×${gotColumns} が入力されました。`,
  );
}

export function vectorLength(expected: number, got: number): Text {
  return text(
    `Expected ${expected} numbers, got ${got}.`,
    `${expected} 個の数が必要ですが、${got} 個が入力されました。`,
  );
}

export function transposedMatrix(what: Text): Text {
  return text(
    `Your matrix is the transpose of the answer: ${what.en}.`,
    `入力された行列は正解の転置になっています: ${what.ja}。`,
  );
}

/** A cell as the prompt numbers it: "entry 2" of a vector, "row 1, column 2" of a matrix (from 1). */
export function cellName(index: readonly number[]): Text {
  if (index.length === 1) return text(`entry ${index[0] + 1}`, `${index[0] + 1}番目の成分`);
  return text(`row ${index[0] + 1}, column ${index[1] + 1}`, `${index[0] + 1}行${index[1] + 1}列`);
}

export function cellsSummary(right: number, total: number, wrongCells: readonly (readonly number[])[]): Text {
  const names = wrongCells.map(cellName);
  return text(
    `${right} of ${total} ${total === 1 ? 'entry' : 'entries'} ${right === 1 ? 'is' : 'are'} right; check ${names.map((n) => n.en).join('; ')}.`,
    `${total} 個中 ${right} 個が正解です。${names.map((n) => n.ja).join('、')}を見直してください。`,
  );
}

export const EXPECTED_NUMBER = text(
  'Expected a single number here, not a matrix.',
  'ここでは行列ではなく 1 つの数を答えてください。',
);

export function expectedMatrix(rows: number, columns: number): Text {
  const example = rows === 1 ? `[${Array.from({ length: columns }, (_, j) => j + 1).join(', ')}]` : '[[1, 2], [3, 4]]';
  return text(
    `Expected ${rows === 1 ? `${columns} numbers` : `a ${rows}×${columns} matrix`}, written like ${example}.`,
    `${rows === 1 ? `${columns} 個の数` : `${rows}×${columns} の行列`}を ${example} のように入力してください。`,
  );
}

export const EXPECTED_FORMULA = text(
  'Expected a formula in the variables of the exercise.',
  '問題の変数を使った式を答えてください。',
);

export function hintCostNote(hintsUsed: number, cost: number): Text {
  return text(
    `(${hintsUsed} hint${hintsUsed === 1 ? '' : 's'} used: −${Math.round(cost * 100)}%.)`,
    `（ヒント${hintsUsed}個使用: −${Math.round(cost * 100)}%）`,
  );
}
