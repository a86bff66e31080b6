// Symbolic answers: only the exercise's names are legal, and the formula is evaluated exactly at
// rational points (values below worked out by hand).
import { describe, expect, it } from 'vitest';
import { evaluate, formatAst, parseAnswer, type Ast, type ParseOptions } from '../../src/answer';
import { ratio, type Value } from '../../src/number/value';
import { answerOf, errorOf, exactOf, expectClose } from './helpers';

const VARS: ParseOptions = { variables: ['x_j', 't_j', 'y', 'd_k', 'w_jk', 'a', 'b', 'x'] };

function formula(text: string, options: ParseOptions = VARS): Ast {
  const a = answerOf(text, options);
  if (a.kind !== 'expression') throw new Error(`expected an expression from ${JSON.stringify(text)}`);
  return a.ast;
}

function at(text: string, point: Record<string, Value>, options: ParseOptions = VARS): Value {
  const r = evaluate(formula(text, options), new Map(Object.entries(point)));
  if (!r.ok) throw new Error(`${text}: ${r.error.code}`);
  return r.value;
}

const P = {
  x_j: ratio(1, 2),
  t_j: ratio(1, 3),
  y: ratio(1, 4),
  d_k: ratio(-2, 5),
  w_jk: ratio(3, 7),
  a: ratio(2),
  b: ratio(-3),
  x: ratio(5),
};

describe('symbolic answers', () => {
  it.each([
    // x_j − t_j = 1/2 − 1/3 = 1/6
    ['x_j - t_j', '1/6'],
    ['x_j − t_j', '1/6'],
    // −t_j/x_j = −(1/3)/(1/2) = −2/3
    ['-t_j/x_j', '-2/3'],
    // (y − t_j)·y·(1 − y) = (−1/12)(1/4)(3/4) = −1/64
    ['(y - t_j)*y*(1 - y)', '-1/64'],
    ['(y - t_j) y (1 - y)', '-1/64'],
    // y(1 − y) = 3/16: a variable before "(" multiplies
    ['y(1-y)', '3/16'],
    // w_jk·δ_k = (3/7)(−2/5) = −6/35, in every spelling of the names
    ['w_jk*d_k', '-6/35'],
    ['w_{jk} d_k', '-6/35'],
    ['w_{j,k}*δ_k', '-6/35'],
    ['w_jk*delta_k', '-6/35'],
    ['δ_k w_jk', '-6/35'],
    ['ｗ＿ｊｋ＊ｄ＿ｋ', '-6/35'],
    // ax + by = 2·5 + (−3)(1/4) = 37/4: letters split into the known names
    ['ax + by', '37/4'],
    ['a*x + b*y', '37/4'],
    // x_j t_j without a space: 1/6
    ['x_jt_j', '1/6'],
    ['2x_j', '1'],
    ['x_j^2', '1/4'],
    ['(x_j - t_j)^2/2', '1/72'],
  ])('%j at the point = %s', (text, expected) => {
    expect(exactOf(at(text, P))).toBe(expected);
  });

  it('evaluates functions of the variables', () => {
    // e^(−x_j) at x_j = 0 is exactly 1; σ(0)(1 − σ(0)) = 1/4
    expect(exactOf(at('e^-x_j', { x_j: ratio(0) }))).toBe('1');
    expect(exactOf(at('sigmoid(x_j)(1 - sigmoid(x_j))', { x_j: ratio(0) }))).toBe('1/4');
    // ln(x_j) at x_j = 2 is ln 2
    expectClose(at('ln x_j', { x_j: ratio(2) }), '0.693147180559945309417232121458176568');
  });

  it('lists the variables used, as the exercise spelled them', () => {
    const a = answerOf('δ_k w_{jk} + y', VARS);
    expect(a.kind === 'expression' && a.variables).toEqual(['d_k', 'w_jk', 'y']);
    const spelled = answerOf('w_jk', { variables: ['w_{jk}'] });
    expect(spelled.kind === 'expression' && spelled.variables).toEqual(['w_{jk}']);
  });

  it('shows how the formula was read', () => {
    expect(formatAst(formula('ax + by'))).toBe('a * x + b * y');
    expect(formatAst(formula('-t_j/x_j'))).toBe('-t_j / x_j');
    expect(formatAst(formula('δ_k w_jk'))).toBe('d_k * w_jk');
  });

  it('reads digit subscripts written as x1 or x₁, and Greek names spelled out', () => {
    const options = { variables: ['x_1', 'x_2', 'η'] };
    // x_1 + x_2 − η at (1/2, 1/3, 1/10) = 5/6 − 1/10 = 11/15
    const point = { x_1: ratio(1, 2), x_2: ratio(1, 3), η: ratio(1, 10) };
    for (const text of ['x_1 + x_2 - η', 'x1 + x₂ - eta', 'x_{1}+x_{2}-η'])
      expect(exactOf(at(text, point, options))).toBe('11/15');
  });

  it('accepts a constant formula too', () => {
    expect(exactOf(at('1/2', {}))).toBe('1/2');
  });

  it.each([
    ['z', 'unknown-name'],
    ['X_j', 'unknown-name'],
    ['x_k', 'unknown-name'],
    ['w_kj', 'unknown-name'],
    ['constructor', 'unknown-name'],
    ['hasOwnProperty', 'unknown-name'],
    ['[x_j]', 'not-an-expression'],
    ['x_j, t_j', 'not-an-expression'],
    ['x_j; t_j', 'not-an-expression'],
    ['Σ t_j', 'unsupported-sum'],
    ['1/2x_j', 'ambiguous-division'],
    ['e^2x_j', 'ambiguous-power'],
    ['ln 2 x_j', 'ambiguous-function'],
    ['x_j2', 'number-after-operand'],
    ['x_j = 1', 'assignment'],
  ])('%j → %s', (text, code) => {
    expect(errorOf(text, VARS).code).toBe(code);
  });

  it('names the allowed variables and suggests a near miss', () => {
    const error = errorOf('X_j', VARS);
    expect(error.message_en).toContain('Did you mean x_j?');
    expect(error.message_en).toContain('x_j, t_j, y');
    expect(error.message_ja).toContain('x_j');
  });

  it('reads δ as d only when the exercise has no δ of its own, and takes explicit aliases', () => {
    expect(errorOf('δ_k', { variables: ['d_k'], aliasDelta: false }).code).toBe('unknown-name');
    const own = answerOf('δ_k', { variables: ['d_k', 'δ_k'] });
    expect(own.kind === 'expression' && own.variables).toEqual(['δ_k']);
    const alias = answerOf('ε_k', { variables: ['d_k'], aliases: { ε_k: 'd_k' } });
    expect(alias.kind === 'expression' && alias.variables).toEqual(['d_k']);
    expect(() => parseAnswer('1', { variables: ['x-j'] })).toThrow(TypeError);
    expect(() => parseAnswer('1', { variables: ['d_k'], aliases: { e: 'zz' } })).toThrow(TypeError);
  });

  it('reports a missing variable or a domain error at a point without throwing', () => {
    const missing = evaluate(formula('x_j + y'), new Map([['x_j', ratio(1)]]));
    expect(missing.ok === false && missing.error.code).toBe('unbound-variable');
    const domain = evaluate(formula('ln(x_j)'), new Map([['x_j', ratio(-1)]]));
    expect(domain.ok === false && domain.error.code).toBe('log-domain');
    const zero = evaluate(
      formula('1/(x_j - t_j)'),
      new Map([
        ['x_j', ratio(1)],
        ['t_j', ratio(1)],
      ]),
    );
    expect(zero.ok === false && zero.error.code).toBe('division-by-zero');
  });

  it('rejects every name in a numeric answer', () => {
    expect(errorOf('x_j').code).toBe('unknown-name');
    expect(errorOf('y').code).toBe('unknown-name');
  });
});
