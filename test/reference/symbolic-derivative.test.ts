// The expected formulas of the symbolic partial-derivative exercises, checked against mathjs's own
// symbolic `derivative`: the definition printed in the prompt is differentiated by mathjs (the
// chain-rule variants after substituting u and v), and the difference from the exercise's expected
// expression must simplify to 0 and vanish at random points. Independent of src/exercises/symbolic.ts.
import { derivative, parse, simplify, type MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises';

/** "z = a*x + b*y.  Find ∂z/∂y." → the definitions and the variable to differentiate by. */
function definitionOf(prompt: string): { z: MathNode; wrt: string } {
  const match = /\n(z = .*)\.\s+Find ∂z\/∂(\w+)\./.exec(prompt);
  if (!match) throw new Error(`no definition in prompt: ${prompt}`);
  const [zPart, ...rest] = match[1].split(/,\s+/);
  let z = parse(zPart.replace(/^z = /, ''));
  // Substitute the inner definitions (u = x + y, v = x − y) so that mathjs applies the chain rule itself.
  for (const definition of rest) {
    const [name, body] = definition.split(' = ');
    const inner = parse(`(${body})`);
    z = z.transform((node) => ('name' in node && node.type === 'SymbolNode' && node.name === name ? inner : node));
  }
  return { z, wrt: match[2] };
}

describe('partial-derivative exercises agree with mathjs derivative', () => {
  for (const difficulty of [1, 2, 3] as const) {
    it(`difficulty ${difficulty}, 40 seeds`, () => {
      for (let seed = 0; seed < 40; seed++) {
        const exercise = generateExercise({ template: 'partial-derivative', difficulty, seed });
        const { z, wrt } = definitionOf(exercise.prompt);
        const ask = exercise.asks[0];
        if (!('expression' in ask)) throw new Error('expected a symbolic ask');
        const byMathjs = derivative(z, wrt);
        const difference = simplify(parse(`(${byMathjs.toString()}) - (${ask.expression})`));
        expect(
          difference.toString(),
          `seed ${seed}: d/d${wrt} ${z.toString()} = ${byMathjs.toString()} vs ${ask.expression}`,
        ).toBe('0');
        for (const point of [
          { a: 2, b: -3, x: 0.5, y: 1.25 },
          { a: -1.5, b: 0.75, x: -2, y: 3 },
        ]) {
          expect(difference.evaluate(point)).toBeCloseTo(0, 12);
        }
      }
    });
  }
});
