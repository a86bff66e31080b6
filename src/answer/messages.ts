// The text of every rejection, in English and Japanese (the terms of docs/glossary-ja.md).
// Each message names the problem and shows how to write the answer instead. Text echoed from the
// answer goes through `shown` first, so a control character or a bidi override can never reach a terminal.
import { echo } from '../text/escape';

/** Why an answer was rejected: a stable code for the grader (errors.ts pairs it with its message). */
export type AnswerErrorCode =
  | 'not-text'
  | 'empty'
  | 'too-long'
  | 'too-many-tokens'
  | 'too-deep'
  | 'too-complex'
  | 'unexpected-character'
  | 'ambiguous-dot'
  | 'assignment'
  | 'percent'
  | 'curly-brace'
  | 'derivative-notation'
  | 'bad-number'
  | 'unexpected-token'
  | 'missing-operand'
  | 'missing-close'
  | 'unmatched-close'
  | 'empty-parentheses'
  | 'unknown-name'
  | 'unsupported-function'
  | 'unsupported-constant'
  | 'unsupported-sum'
  | 'missing-argument'
  | 'adjacent-numbers'
  | 'number-after-operand'
  | 'number-then-e'
  | 'ambiguous-division'
  | 'ambiguous-power'
  | 'ambiguous-function'
  | 'exponent-too-large'
  | 'number-too-large'
  | 'division-by-zero'
  | 'log-domain'
  | 'sqrt-domain'
  | 'power-domain'
  | 'zero-power-zero'
  | 'exp-too-large'
  | 'matrix-too-large'
  | 'ragged-matrix'
  | 'matrix-nesting'
  | 'matrix-in-expression'
  | 'unclosed-bracket'
  | 'unmatched-bracket'
  | 'empty-entry'
  | 'not-a-scalar'
  | 'decimal-comma'
  | 'not-an-expression'
  | 'unbound-variable'
  | 'internal';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Message {
  readonly en: string;
  readonly ja: string;
}

const HOW_EN =
  'Write a decimal such as 0.15, a fraction such as 3/20, or an expression such as 0.6*(1-0.6), e^-1, exp(-1) or ln(2).';
const HOW_JA =
  '0.15 のような小数、3/20 のような分数、または 0.6*(1-0.6)、e^-1、exp(-1)、ln(2) のような式で書いてください。';
const FUNCTIONS_EN = 'exp, ln (natural logarithm; log means the same), sqrt, sigmoid (σ), tanh, and the constant e';
const FUNCTIONS_JA = 'exp、ln（自然対数。log も同じ意味）、sqrt、sigmoid（σ）、tanh と定数 e';
const MATRIX_EN = 'Write a vector as [1, 2] and a matrix as [[1, 2], [3, 4]] or 1 2; 3 4.';
const MATRIX_JA = 'ベクトルは [1, 2]、行列は [[1, 2], [3, 4]] または 1 2; 3 4 のように書いてください。';

const MAX_SHOWN = 24;

/** At most 24 printable characters of untrusted text; anything invisible or control-like (and " and \\) becomes U+XXXX. */
export function shown(text: string): string {
  return echo(text, MAX_SHOWN, '"\\');
}

function p(params: MessageParams, key: string): string {
  const v = params[key];
  return v === undefined ? '' : typeof v === 'number' ? String(v) : shown(v);
}

export function messageFor(code: AnswerErrorCode, params: MessageParams): Message {
  const t = p(params, 'text');
  switch (code) {
    case 'not-text':
      return { en: `The answer must be text. ${HOW_EN}`, ja: `解答は文字列で入力してください。${HOW_JA}` };
    case 'empty':
      return { en: `The answer is empty. ${HOW_EN}`, ja: `解答が空です。${HOW_JA}` };
    case 'too-long':
      return {
        en: `The answer is too long (${p(params, 'length')} characters; at most ${p(params, 'max')}). Write just the value, e.g. 0.15 or 3/20.`,
        ja: `解答が長すぎます（${p(params, 'length')}文字。最大${p(params, 'max')}文字）。0.15 や 3/20 のように値だけを書いてください。`,
      };
    case 'too-many-tokens':
      return {
        en: `The answer has too many parts (at most ${p(params, 'max')} numbers, names and operators). Simplify it, e.g. write the value 0.15.`,
        ja: `解答の要素が多すぎます（数・名前・演算子は最大${p(params, 'max')}個）。0.15 のように簡単にしてください。`,
      };
    case 'too-deep':
      return {
        en: `The expression is nested too deeply (at most ${p(params, 'max')} levels of parentheses, signs, powers or functions). Simplify it: ((1/2)) is just 1/2.`,
        ja: `括弧・符号・累乗・関数の入れ子が深すぎます（最大${p(params, 'max')}段）。式を簡単にしてください（((1/2)) は 1/2 と書けます）。`,
      };
    case 'too-complex':
      return {
        en: `The expression needs too much computation to check (at most ${p(params, 'max')} ${p(params, 'what')}). Simplify it to a value such as 0.15 or 3/20.`,
        ja: `式の計算量が多すぎて確認できません。0.15 や 3/20 のような値に簡単にしてください。`,
      };
    case 'unexpected-character':
      return {
        en: `The character "${t}" cannot be used. Use digits, the decimal point ".", + - * / ^, parentheses ( ), the names ${FUNCTIONS_EN}, and for a vector or matrix [ ] , ;.`,
        ja: `「${t}」は使えない文字です。数字、小数点「.」、+ - * / ^、括弧 ( )、${FUNCTIONS_JA}、ベクトルや行列には [ ] , ; を使ってください。`,
      };
    case 'ambiguous-dot':
      return {
        en: `"${t}" is ambiguous: write * for multiplication (0.6*0.4) or / for a fraction (3/20).`,
        ja: `「${t}」は意味があいまいです。掛け算は *（例: 0.6*0.4）、分数は /（例: 3/20）で書いてください。`,
      };
    case 'assignment':
      return {
        en: 'Write only the value or formula, without "name =": for example 0.15 rather than δ = 0.15.',
        ja: '「名前 =」を付けずに値か式だけを書いてください（例: δ = 0.15 ではなく 0.15）。',
      };
    case 'percent':
      return {
        en: 'Write a percentage as a number: 15% as 0.15.',
        ja: 'パーセントは数で書いてください（15% は 0.15）。',
      };
    case 'curly-brace':
      return {
        en: 'Use ( ) for grouping; { } is only for subscripts such as w_{jk}.',
        ja: 'まとめるには ( ) を使ってください。{ } は w_{jk} のような添字にだけ使えます。',
      };
    case 'derivative-notation':
      return {
        en: `Write the value (or formula) of the derivative, not the notation "${t}": for example 0.15 or (y - t)*y*(1 - y).`,
        ja: `「${t}」のような微分の記号ではなく、偏微分の値（または式）を書いてください（例: 0.15 や (y - t)*y*(1 - y)）。`,
      };
    case 'bad-number':
      return {
        en: `"${t}" is not a number as written. Write decimals with a point (0.15) and powers of ten as 1.5e-3 or 1.5*10^-3.`,
        ja: `「${t}」は数として読めません。小数は小数点で 0.15、10 の累乗は 1.5e-3 または 1.5*10^-3 のように書いてください。`,
      };
    case 'unexpected-token':
      return { en: `Unexpected "${t}" here. ${HOW_EN}`, ja: `ここに「${t}」は置けません。${HOW_JA}` };
    case 'missing-operand':
      return {
        en: `"${t}" needs a value ${params.side === 'before' ? 'before' : 'after'} it, as in 1 - 0.6 or 0.6*0.4.`,
        ja: `「${t}」の${params.side === 'before' ? '前' : '後'}に値が必要です（例: 1 - 0.6、0.6*0.4）。`,
      };
    case 'missing-close':
      return { en: 'A "(" is not closed: add ")".', ja: '「(」が閉じていません。「)」を加えてください。' };
    case 'unmatched-close':
      return { en: 'There is a ")" without a matching "(".', ja: '対応する「(」のない「)」があります。' };
    case 'empty-parentheses':
      return {
        en: 'Empty parentheses "()": put a value inside, e.g. (1 - 0.6).',
        ja: '空の括弧「()」があります。(1 - 0.6) のように中に値を書いてください。',
      };
    case 'unknown-name':
      if (params.allowed) {
        const hint = params.suggestion ? ` Did you mean ${p(params, 'suggestion')}?` : '';
        const hintJa = params.suggestion ? `（${p(params, 'suggestion')} のことですか？）` : '';
        return {
          en: `"${t}" is not one of this exercise's names.${hint} Use only ${params.allowed} and ${FUNCTIONS_EN}; write products with * (w_jk*d_k).`,
          ja: `「${t}」はこの問題で使える名前ではありません${hintJa}。使えるのは ${params.allowed} と ${FUNCTIONS_JA} だけです。積は * で書いてください（例: w_jk*d_k）。`,
        };
      }
      return {
        en: `"${t}" is not a number or a known function; this answer is a number. ${HOW_EN} Known names: ${FUNCTIONS_EN}.`,
        ja: `「${t}」は数でも使える関数でもありません。この解答は数です。${HOW_JA} 使える名前: ${FUNCTIONS_JA}。`,
      };
    case 'unsupported-function':
      return {
        en: `The function "${t}" is not available. Use ${FUNCTIONS_EN}.`,
        ja: `関数「${t}」は使えません。${FUNCTIONS_JA}を使ってください。`,
      };
    case 'unsupported-constant':
      return {
        en: `"${t}" is not used in these answers. ${HOW_EN}`,
        ja: `「${t}」はこの解答では使えません。${HOW_JA}`,
      };
    case 'unsupported-sum':
      return {
        en: 'Write a sum term by term instead of Σ, e.g. d_1*w_11 + d_2*w_12.',
        ja: 'Σ を使わずに項を並べて書いてください（例: d_1*w_11 + d_2*w_12）。',
      };
    case 'missing-argument':
      return {
        en: `The function "${t}" needs a value to apply to, e.g. ${t}(2) or ${t}(-1).`,
        ja: `関数「${t}」には引数が必要です（例: ${t}(2)、${t}(-1)）。`,
      };
    case 'adjacent-numbers':
      return {
        en: `Two numbers stand next to each other ("${t}"). Put an operator between them (2*3), write decimals with a point (0.5), or write a vector as [1, 2].`,
        ja: `2つの数が並んでいます（「${t}」）。間に演算子を入れる（2*3）、小数は小数点で書く（0.5）、またはベクトルなら [1, 2] と書いてください。`,
      };
    case 'number-after-operand':
      return {
        en: `A number cannot follow "${t}" directly: write the product with *, e.g. x*2 or (1-y)*2.`,
        ja: `「${t}」のすぐ後に数は置けません。積は * で書いてください（例: x*2、(1-y)*2）。`,
      };
    case 'number-then-e':
      return {
        en: `"${t}" is ambiguous: write 2*e for 2·e, or 2e-3 (or 2*10^-3) for 2×10⁻³.`,
        ja: `「${t}」はあいまいです。2·e なら 2*e、2×10⁻³ なら 2e-3（または 2*10^-3）と書いてください。`,
      };
    case 'ambiguous-division':
      return {
        en: 'A product without * after a division is ambiguous: write (1/2)*x or 1/(2*x).',
        ja: '割り算の後の * のない積はあいまいです。(1/2)*x または 1/(2*x) のように書いてください。',
      };
    case 'ambiguous-power':
      return {
        en: 'A product without * after a power is ambiguous: write e^(2*x) or e^2*x, (0.5)^2*y or 0.5^(2*y).',
        ja: '累乗の後の * のない積はあいまいです。e^(2*x) または e^2*x のように書いてください。',
      };
    case 'ambiguous-function':
      return {
        en: `A product without * after "${t}" without parentheses is ambiguous: write ${t}(2*x) or ${t}(2)*x.`,
        ja: `括弧のない「${t}」の後の * のない積はあいまいです。${t}(2*x) または ${t}(2)*x のように書いてください。`,
      };
    case 'exponent-too-large':
      return {
        en: `The exponent is too large (at most ±${p(params, 'max')} here). The answers are moderate numbers: check the value, e.g. 1.5e-3 or 2^10.`,
        ja: `指数が大きすぎます（ここでは最大 ±${p(params, 'max')}）。解答は極端な値にはなりません。値を確認してください（例: 1.5e-3、2^10）。`,
      };
    case 'number-too-large':
      return {
        en: `The number is too large or too precise to grade (numerator and denominator up to ${p(params, 'max')} bits). Check the value; 3/20 or 0.15 is the kind of answer expected.`,
        ja: `数が大きすぎるか桁数が多すぎます（分子・分母は最大${p(params, 'max')}ビット）。値を確認してください（3/20 や 0.15 のような解答を想定しています）。`,
      };
    case 'division-by-zero':
      return {
        en: 'The answer divides by zero. Check the denominator.',
        ja: '0 で割っています。分母を確認してください。',
      };
    case 'log-domain':
      return {
        en: 'ln (log) needs a positive number, e.g. ln(2).',
        ja: 'ln（log）には正の数が必要です（例: ln(2)）。',
      };
    case 'sqrt-domain':
      return {
        en: 'sqrt needs a number that is not negative, e.g. sqrt(2).',
        ja: 'sqrt には負でない数が必要です（例: sqrt(2)）。',
      };
    case 'power-domain':
      return {
        en: 'A power with a non-integer exponent needs a positive base: 2^0.5 is fine, (-8)^(1/3) is not accepted.',
        ja: '指数が整数でない累乗には正の底が必要です（2^0.5 は可、(-8)^(1/3) は不可）。',
      };
    case 'zero-power-zero':
      return { en: '0^0 is undefined; check the exponent.', ja: '0^0 は定義されません。指数を確認してください。' };
    case 'exp-too-large':
      return {
        en: `The argument of ${t} is too large (|x| at most ${p(params, 'max')}). Check the value, e.g. exp(-2) or sigmoid(0.5).`,
        ja: `${t} の引数が大きすぎます（|x| は最大${p(params, 'max')}）。値を確認してください（例: exp(-2)、sigmoid(0.5)）。`,
      };
    case 'matrix-too-large':
      return {
        en: `The matrix is too large (at most ${p(params, 'rows')} rows and ${p(params, 'columns')} columns). ${MATRIX_EN}`,
        ja: `行列が大きすぎます（最大${p(params, 'rows')}行${p(params, 'columns')}列）。${MATRIX_JA}`,
      };
    case 'ragged-matrix':
      return {
        en: `Row ${p(params, 'row')} has ${p(params, 'count')} entries but row 1 has ${p(params, 'expected')}: every row needs the same number of entries. ${MATRIX_EN}`,
        ja: `${p(params, 'row')}行目の要素は${p(params, 'count')}個ですが、1行目は${p(params, 'expected')}個です。各行の要素の数をそろえてください。${MATRIX_JA}`,
      };
    case 'matrix-nesting':
      return { en: `Brackets are nested too deeply. ${MATRIX_EN}`, ja: `[ ] の入れ子が深すぎます。${MATRIX_JA}` };
    case 'matrix-in-expression':
      return {
        en: `A vector or matrix must be the whole answer, with nothing around it. ${MATRIX_EN} Use ( ) for grouping in a number.`,
        ja: `ベクトルや行列は解答全体として書き、前後に何も付けないでください。${MATRIX_JA} 数の中でまとめるには ( ) を使ってください。`,
      };
    case 'unclosed-bracket':
      return {
        en: `A "[" is not closed: add "]". ${MATRIX_EN}`,
        ja: `「[」が閉じていません。「]」を加えてください。${MATRIX_JA}`,
      };
    case 'unmatched-bracket':
      return {
        en: `There is a "]" without a matching "[". ${MATRIX_EN}`,
        ja: `対応する「[」のない「]」があります。${MATRIX_JA}`,
      };
    case 'empty-entry':
      return {
        en: `An entry is empty (two separators in a row, or one at the start or end). ${MATRIX_EN}`,
        ja: `空の要素があります（区切りが続いているか、先頭・末尾にあります）。${MATRIX_JA}`,
      };
    case 'not-a-scalar':
      return {
        en: `One number is expected here, but the answer is a list of ${p(params, 'count')}. ${HOW_EN}`,
        ja: `ここでは数を1つ答えてください（解答には${p(params, 'count')}個の値が並んでいます）。${HOW_JA}`,
      };
    case 'decimal-comma':
      return {
        en: `Write the decimal point as a point, not a comma: ${p(params, 'fixed')} instead of ${t}.`,
        ja: `小数点はコンマではなく「.」で書いてください（${t} ではなく ${p(params, 'fixed')}）。`,
      };
    case 'not-an-expression':
      return {
        en: 'Write one formula, e.g. (y - t_j)*y*(1 - y), without [ ] , or ;.',
        ja: '[ ] , ; を使わずに1つの式で書いてください（例: (y - t_j)*y*(1 - y)）。',
      };
    case 'unbound-variable':
      return { en: `No value was given for "${t}".`, ja: `「${t}」の値が与えられていません。` };
    case 'internal':
      return { en: `The answer could not be read. ${HOW_EN}`, ja: `解答を読み取れませんでした。${HOW_JA}` };
  }
}
