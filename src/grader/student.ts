// A student's answer as the grader sees it: a number, a matrix of numbers, a formula, or a rejection
// with a message that says how to write it. The text itself is only ever read by the safe answer
// parser (src/answer/), never by a general evaluator.
import type { Value } from '../number/value';
import type { StudentNumber } from './compare';
import { evaluate, formatAst, parseAnswer, type ScalarAnswer } from '../answer';
import type { Text } from './text';

export type StudentAnswer =
  | { readonly kind: 'number'; readonly number: StudentNumber }
  | { readonly kind: 'matrix'; readonly rows: readonly (readonly StudentNumber[])[] }
  | { readonly kind: 'formula'; readonly text: string; readonly evaluate: (point: ReadonlyMap<string, Value>) => Value | null }
  | { readonly kind: 'invalid'; readonly code: string; readonly message: Text };

export interface ReadOptions {
  /** The only identifiers a formula may use (symbolic exercises); none for numeric answers. */
  readonly variables?: readonly string[];
}

/** A parsed number with its notation: plain decimals (and integers, scientific) carry a precision. */
function numberOf(a: ScalarAnswer): StudentNumber {
  const written =
    a.form !== 'fraction' && a.form !== 'expression' && a.decimalPlaces !== null && a.significantFigures !== null
      ? { sigFigs: a.significantFigures, places: a.decimalPlaces }
      : null;
  return { value: a.value, written, text: formatAst(a.ast) };
}

/** Parses an untrusted answer with the safe parser (src/answer/). Never throws. */
export function readAnswer(text: string, options: ReadOptions = {}): StudentAnswer {
  const symbolic = options.variables !== undefined && options.variables.length > 0;
  const result = parseAnswer(text, symbolic ? { variables: options.variables } : {});
  if (!result.ok) {
    return { kind: 'invalid', code: result.error.code, message: { en: result.error.message_en, ja: result.error.message_ja } };
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
      };
    }
  }
}
