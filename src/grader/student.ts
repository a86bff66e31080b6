// A student's answer as the grader sees it: a number, a matrix of numbers, a formula, or a rejection
// with a message that says how to write it. The text itself is only ever read by the safe answer
// parser (src/answer/), never by a general evaluator.
import { approx, type Value } from '../number/value';
import { MIN_FIGURES, type StudentNumber } from './compare';
import { evaluate, formatAst, parseAnswer, type EvaluateResult, type ScalarAnswer } from '../answer';
import type { Ast } from '../answer/ast';
import type { Expect } from '../answer/structure';
import type { Written } from './precision';
import type { Text } from './text';

export type StudentAnswer =
  | { readonly kind: 'number'; readonly number: StudentNumber }
  | { readonly kind: 'matrix'; readonly rows: readonly (readonly StudentNumber[])[] }
  | {
      readonly kind: 'formula';
      readonly text: string;
      readonly evaluate: (point: ReadonlyMap<string, Value>) => Value | null;
      /** The same, with the reason when the formula cannot be evaluated there (÷ 0, ln of −1, too complex). */
      readonly evaluateAt: (point: ReadonlyMap<string, Value>) => EvaluateResult;
    }
  | { readonly kind: 'invalid'; readonly code: string; readonly message: Text };

export interface ReadOptions {
  /** The only identifiers a formula may use (symbolic exercises); none for numeric answers. */
  readonly variables?: readonly string[];
  /** What the ask wants: one number ('scalar': "0,5" gets the decimal-comma hint) or a list ('matrix': "1 2" is a row). */
  readonly expect?: Expect;
}

/** Significant figures of each decimal literal (with a point or an exponent) in an expression. */
function decimalFigures(a: Ast, out: number[] = []): number[] {
  if (a.type === 'number') {
    if (a.literal.hasPoint || a.literal.scientific)
      out.push((a.literal.intDigits + a.literal.fracDigits).replace(/^0+/, '').length);
  } else if (a.type === 'neg' || a.type === 'call') decimalFigures(a.arg, out);
  else if (a.type === 'binary') {
    decimalFigures(a.left, out);
    decimalFigures(a.right, out);
  }
  return out;
}

/**
 * The precision an expression built from rounded decimals claims ("0.74136507*0.186815602", "2.3026*1"):
 * that of its least precise decimal literal with at least MIN_FIGURES significant figures. Shorter
 * literals (0.5, 0.01) are taken as exact values of the exercise (a learning rate, a target); an
 * expression with none is exact notation. Null: exact notation.
 */
export function expressionPrecision(ast: Ast, value: Value): Written | null {
  const figures = decimalFigures(ast).filter((n) => n >= MIN_FIGURES);
  if (figures.length === 0) return null;
  const d = approx(value);
  if (d.isZero()) return null;
  const sigFigs = Math.min(...figures);
  return { sigFigs, places: sigFigs - 1 - d.e };
}

/** A parsed number with its notation: plain decimals (and integers, scientific) carry a precision. */
function numberOf(a: ScalarAnswer): StudentNumber {
  if (a.form === 'expression') {
    const written = expressionPrecision(a.ast, a.value);
    return written
      ? { value: a.value, written, text: formatAst(a.ast), expression: true }
      : { value: a.value, written: null, text: formatAst(a.ast) };
  }
  const written =
    a.form !== 'fraction' && a.decimalPlaces !== null && a.significantFigures !== null
      ? { sigFigs: a.significantFigures, places: a.decimalPlaces }
      : null;
  return { value: a.value, written, text: formatAst(a.ast) };
}

/** Parses an untrusted answer with the safe parser (src/answer/). Never throws. */
export function readAnswer(text: string, options: ReadOptions = {}): StudentAnswer {
  const symbolic = options.variables !== undefined && options.variables.length > 0;
  const result = parseAnswer(
    text,
    symbolic ? { variables: options.variables } : options.expect ? { expect: options.expect } : {},
  );
  if (!result.ok) {
    return {
      kind: 'invalid',
      code: result.error.code,
      message: { en: result.error.message_en, ja: result.error.message_ja },
    };
  }
  const answer = result.answer;
  switch (answer.kind) {
    case 'scalar':
      return { kind: 'number', number: numberOf(answer) };
    case 'matrix':
      return { kind: 'matrix', rows: answer.rows.map((row) => row.map(numberOf)) };
    case 'expression': {
      const ast = answer.ast;
      return {
        kind: 'formula',
        text: formatAst(ast),
        evaluate: (point) => {
          const v = evaluate(ast, point);
          return v.ok ? v.value : null;
        },
        evaluateAt: (point) => evaluate(ast, point),
      };
    }
  }
}
