// The text output, the terminal figure, the JSON contract and the SVG figure, checked against the
// published numbers of the apple graphs (DLfS figures 5-16 and 5-17) and structurally.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadGraph, parseGraph } from '../../src/graph/load';
import { solveGraph } from '../../src/graph/solve';
import { graphFigureText, graphSolutionToText } from '../../src/graph/text';
import { graphSolutionToJson } from '../../src/graph/json';
import { graphSvg } from '../../src/graph/svg';
import { escapeXml } from '../../src/text/escape';
import { compactValue } from '../../src/number/show';
import { exp, ln, ratio, sigmoid } from '../../src/number/value';
import fc from 'fast-check';
import { InputError } from '../../src/network/errors';
import { graphArb, yaml } from './arbitrary';

const file = (name: string) => fileURLToPath(new URL(`../../exercises/graphs/${name}`, import.meta.url));
const apple = solveGraph(loadGraph(file('apple.yaml')));
const appleOrange = solveGraph(loadGraph(file('apple-orange.yaml')));

describe('text output', () => {
  const text = graphSolutionToText(apple);
  it('shows each forward value with the numbers substituted', () => {
    expect(text).toContain('  apple_price = apple × apple_num = 100 × 2 = 200\n');
    expect(text).toContain('  price = apple_price × tax = 200 × 1.1 = 220\n');
    expect(text).toContain('  tax = 11/10 = 1.1\n');
  });
  it('shows the backward value on each edge as upstream × local derivative', () => {
    expect(text).toContain('    → apple_price: 1 × tax = 1 × 1.1 = 11/10 = 1.1\n');
    expect(text).toContain('    → tax: 1 × apple_price = 1 × 200 = 200\n');
    expect(text).toContain('    → apple: 1.1 × apple_num = 1.1 × 2 = 11/5 = 2.2\n');
    expect(text).toContain('    → apple_num: 1.1 × apple = 1.1 × 100 = 110\n');
  });
  it('lists the gradients, summing the edges of a name used twice', () => {
    expect(text).toContain('  ∂price/∂apple = 11/5 = 2.2\n');
    const twice = graphSolutionToText(
      solveGraph(
        parseGraph('graph:\n  inputs: {x: 3}\n  nodes:\n    - {name: z, op: mul, args: [x, x]}\n  output: z\n'),
      ),
    );
    expect(twice).toContain('  ∂z/∂x = 3 + 3 = 6\n');
  });
  it('parenthesises negative numbers after an operator', () => {
    const t = graphSolutionToText(
      solveGraph(
        parseGraph(
          'graph:\n  inputs: {x: -2, y: -1/2}\n  nodes:\n    - {name: z, op: mul, args: [x, y]}\n    - {name: w, op: sub, args: [z, y]}\n  output: w\n',
        ),
      ),
    );
    expect(t).toContain('z = x × y = -2 × (-0.5) = 1');
    expect(t).toContain('w = z − y = 1 − (-0.5) = 3/2 = 1.5');
    expect(t).toContain('→ y: 1 × (-1) = -1');
    expect(t).toContain('∂w/∂y = -2 + (-1) = -3');
    expect(t).not.toMatch(/[×−+] -/);
  });
  it('speaks Japanese with --lang ja', () => {
    const ja = graphSolutionToText(apple, { lang: 'ja' });
    for (const word of ['計算グラフ', '順伝播', '逆伝播', '勾配']) expect(ja).toContain(word);
    expect(ja).toContain('∂price/∂apple = 11/5 = 2.2');
  });
});

describe('terminal figure', () => {
  const lines = graphFigureText(appleOrange);
  /** The forward label on the arrow into `to` from `from`, and the backward label on the line below. */
  function labels(from: string, to: string): [string, string] {
    const i = lines.findIndex((l) => l.startsWith(`${from} `) && l.endsWith(` ${to}`));
    expect(i).toBeGreaterThanOrEqual(0);
    const value = (l: string) => l.replace(/[─▶◀]/g, ' ').trim().split(/\s+/);
    const top = value(lines[i]);
    return [top[1], value(lines[i + 1])[0]];
  }
  it('puts the forward value above each arrow and the backward value below', () => {
    expect(labels('apple', '(×) apple_price')).toEqual(['100', '2.2']);
    expect(labels('orange_num', '(×) orange_price')).toEqual(['3', '165']);
    expect(labels('all_price', '(×) price')).toEqual(['650', '1.1']);
    expect(labels('tax', '(×) price')).toEqual(['1.1', '650']);
    expect(labels('orange_price', '(+) all_price')).toEqual(['450', '1.1']);
  });
  it('ends with the output arrow carrying 1 back', () => {
    expect(lines.at(-2)).toMatch(/^price\s+─+ 715 ─+▶$/);
    expect(lines.at(-1)).toMatch(/^\s+◀─+ 1 ─+$/);
  });
});

describe('compact values', () => {
  it('writes short exact values exactly and rounds the others', () => {
    expect(compactValue(ratio(11, 10))).toBe('1.1');
    expect(compactValue(ratio(-1, 3))).toBe('-1/3');
    expect(compactValue(ratio(1, 7_000_003))).toBe('1/7000003');
    expect(compactValue(ratio(123_456, 7_000_003))).toBe('0.01763656387…'); // 0.017636563870044… (Python decimal)
    expect(compactValue(exp(ratio(1)))).toBe('2.718281828…');
    // exp(ln(1/100)) is 1/100 up to the 64th digit, on either side: rounding prints 0.01.
    expect(compactValue(exp(ln(ratio(1, 100))))).toBe('0.01…');
    expect(compactValue(sigmoid(ratio(1)), 6)).toBe('0.731059…');
  });
});

describe('JSON', () => {
  it('is exactly {value, nodes, gradients} with {exact, approx, latex} values', () => {
    const json = graphSolutionToJson(appleOrange);
    expect(Object.keys(json)).toEqual(['value', 'nodes', 'gradients']);
    expect(json.value).toEqual({ exact: '715', approx: '715.0000000000000000000000000000000', latex: '715' });
    expect(Object.keys(json.nodes)).toEqual(['apple_price', 'orange_price', 'all_price', 'price']);
    expect(Object.keys(json.gradients)).toEqual([
      'apple',
      'apple_num',
      'orange',
      'orange_num',
      'tax',
      'apple_price',
      'orange_price',
      'all_price',
      'price',
    ]);
    expect(json.gradients.orange).toEqual({
      exact: '33/10',
      approx: '3.300000000000000000000000000000000',
      latex: '\\frac{33}{10}',
    });
  });
  it('keeps names such as __proto__ as ordinary keys', () => {
    const json = graphSolutionToJson(
      solveGraph(
        parseGraph(
          'graph:\n  inputs: {__proto__: 2}\n  nodes:\n    - {name: constructor, op: square, args: [__proto__]}\n  output: constructor\n',
        ),
      ),
    );
    const parsed = JSON.parse(JSON.stringify(json));
    expect(Object.keys(parsed.gradients)).toEqual(['__proto__', 'constructor']);
    expect(parsed.nodes.constructor.exact).toBe('4');
  });
});

/** Tags open and close in order (a small well-formedness check: no parser is installed). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2]);
  }
  return stack.length === 0;
}

const texts = (svg: string, cls: string) =>
  [...svg.matchAll(new RegExp(`<text class="${cls}"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]);

describe('SVG figure', () => {
  const svg = graphSvg(appleOrange);
  it('is one well-formed <svg> element', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(balanced(svg)).toBe(true);
  });
  it('writes every forward value above an edge and every backward value below one', () => {
    // The published numbers: forward 100, 2, 150, 3, 200, 450, 650, 1.1 and 715 at the output;
    // backward 2.2, 110, 3.3, 165, 1.1, 1.1, 1.1, 650 and 1 at the output.
    expect(texts(svg, 'value-forward').sort()).toEqual(
      ['100', '2', '150', '3', '200', '450', '650', '1.1', '715'].sort(),
    );
    expect(texts(svg, 'value-backward').sort()).toEqual(
      ['2.2', '110', '3.3', '165', '1.1', '1.1', '1.1', '650', '1'].sort(),
    );
  });
  it('draws each operation node with its symbol and each input as a box', () => {
    expect(svg.match(/<g class="node"/g)).toHaveLength(4);
    expect(svg.match(/<g class="input"/g)).toHaveLength(5);
    expect(svg).toContain('data-name="all_price"');
    expect(svg).toMatch(/>\+<\/text>/);
  });
  it('colours forward values green and backward values red', () => {
    expect(svg).toMatch(/class="value-forward"[^>]*fill="#1b7a2f"/);
    expect(svg).toMatch(/class="value-backward"[^>]*fill="#c0262d"/);
  });
  it('escapes user strings and namespaces its ids', () => {
    const s = graphSvg(apple, { title: '<script>alert("x") & co</script>', idPrefix: 'fig 1"' });
    expect(s).toContain('<title>&lt;script&gt;alert(&quot;x&quot;) &amp; co&lt;/script&gt;</title>');
    expect(s).not.toContain('<script>');
    expect(s).toContain('id="fig_1_-fwd"');
    expect(s).toContain('url(#fig_1_-fwd)');
    expect(escapeXml(`a<b>&"'`)).toBe('a&lt;b&gt;&amp;&quot;&#39;');
  });
  it('shows constants as dashed boxes, without a backward value', () => {
    const s = graphSvg(solveGraph(loadGraph(file('sigmoid.yaml'))));
    expect(s.match(/<g class="literal"/g)).toHaveLength(2);
    expect(s).toContain('data-name="-1"');
    // 6 edges + the output arrow carry forward values; the 2 constants carry none back.
    expect(texts(s, 'value-forward')).toHaveLength(7);
    expect(texts(s, 'value-backward')).toHaveLength(5);
    expect(balanced(s)).toBe(true);
  });
  it('repeats an input used in several columns and routes column-skipping edges under the figure', () => {
    const g = solveGraph(
      parseGraph(
        'graph:\n  inputs: {x: 2, y: 3}\n  nodes:\n    - {name: a, op: mul, args: [x, y]}\n    - {name: b, op: exp, args: [a]}\n' +
          '    - {name: c, op: tanh, args: [b]}\n    - {name: d, op: add, args: [c, a, x]}\n  output: d\n',
      ),
    );
    const s = graphSvg(g);
    expect(balanced(s)).toBe(true);
    // x feeds a (column 1) and d (column 4): two boxes. a → d skips columns: a lane (polyline).
    expect(s.match(/<g class="input" data-name="x"/g)).toHaveLength(2);
    expect(s.match(/<polyline class="edge-forward"/g)).toHaveLength(1);
    expect(s.match(/<polyline class="edge-backward"/g)).toHaveLength(1);
    // Every edge and the output arrow still carry their values: a = 6 forward, ∂d/∂a arrives back.
    expect(texts(s, 'value-forward')).toHaveLength(g.edges.length + 1);
    expect(texts(s, 'value-backward')).toHaveLength(g.edges.length + 1);
    expect(texts(s, 'value-forward').filter((t) => t === '6')).toHaveLength(2);
  });
  it('spreads the two edges of mul(x, x) apart', () => {
    const s = graphSvg(
      solveGraph(
        parseGraph('graph:\n  inputs: {x: 3}\n  nodes:\n    - {name: z, op: mul, args: [x, x]}\n  output: z\n'),
      ),
    );
    const ys = [...s.matchAll(/<line class="edge-forward" x1="[^"]*" y1="([^"]*)"/g)].map((m) => m[1]);
    expect(new Set(ys.slice(0, 2)).size).toBe(2);
  });
});

describe('random graphs', () => {
  it('give text with negatives parenthesised after operators, and well-formed SVG with a value on every edge', () => {
    fc.assert(
      fc.property(graphArb, (g) => {
        let solution;
        try {
          solution = solveGraph(parseGraph(yaml(g)));
        } catch (error) {
          if (error instanceof InputError) return;
          throw error;
        }
        const text = graphSolutionToText(solution);
        expect(text).not.toMatch(/[×+−] -/);
        const svg = graphSvg(solution);
        expect(balanced(svg)).toBe(true);
        expect(texts(svg, 'value-forward')).toHaveLength(solution.edges.length + 1);
        const named = solution.edges.filter((e) => e.fromKind !== 'literal' && e.backward !== null).length;
        expect(texts(svg, 'value-backward')).toHaveLength(named + 1);
      }),
      { numRuns: 150, seed: 99 },
    );
  });
});
