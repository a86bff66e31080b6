// The network drawn as text: a small case laid out by hand cell by cell, the junctions of a 2–2 bus,
// the width limit with the layer-under-layer form, and the drawings `solve` and the quiz print
// (Mazur's published forward pass; an exercise's given values and nothing asked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width';
import { drawNetwork, type NetworkDrawing } from '../../src/text/network-drawing';
import { buildCli, type BuiltCli } from '../cli/build-cli';
import { quizCli, type QuizCli } from '../quiz/quiz-cli';

let cli: BuiltCli;
let q: QuizCli;
beforeAll(() => {
  cli = buildCli();
  q = quizCli();
});
afterAll(() => {
  cli?.remove();
  q?.remove();
});

const two: NetworkDrawing = {
  columns: [
    { title: 'input', boxed: false, units: [['x₁ 1'], ['x₂ 2']] },
    {
      title: 'layer 1',
      boxed: true,
      units: [
        ['a₁', 'z₁'],
        ['a₂', 'z₂'],
      ],
    },
    { title: 'target', boxed: false, units: [['t₁ 0'], ['t₂ 1']] },
  ],
  links: ['W¹', null],
  legend: '',
};

describe('drawNetwork', () => {
  it('one input into one unit, laid out by hand', () => {
    // Heights: the input 1 row, the box 3 → 3 rows; the input sits in the middle row, right-aligned
    // with one column clear; the bus is 7 columns: 3 of stub, the junction (─ when straight), 3 of arrow.
    const d: NetworkDrawing = {
      columns: [
        { title: 'input', boxed: false, units: [['x₁ 2']] },
        { title: 'layer 1', boxed: true, units: [['y₁']] },
      ],
      links: ['W¹'],
      legend: '',
    };
    expect(drawNetwork(d, 80)).toEqual([
      'input  W¹   layer 1',
      '            ╭────╮',
      'x₁ 2 ──────▶│ y₁ │',
      '            ╰────╯',
    ]);
  });

  it('two inputs into two units: each unit entered at its first line, the targets beside the outputs', () => {
    const lines = drawNetwork(two, 80);
    // Rows: two boxes of 4 with a gap → 9; the inputs (3 rows with their gap) centred in rows 3 and 5;
    // the boxes entered at their first lines, rows 1 and 6, and left from their last, rows 2 and 7.
    // The bus (its junction in column 5 + 3 = 8) turns down at row 1 (┌), is joined from the left at
    // rows 3 and 5 (┤), turns in at row 6 (└); the targets stand at the outputs' rows, 4 columns on
    // (the column is as wide as "layer 1", one more than its box, then the gap of 3). Line = row + 1.
    expect(lines).toHaveLength(10);
    expect(
      lines
        .slice(1)
        .map((l) => l[8] ?? ' ')
        .join(''),
    ).toBe(' ┌│┤│┤└  ');
    expect(lines[4].startsWith('x₁ 1 ───┤')).toBe(true);
    expect(lines[6].startsWith('x₂ 2 ───┤')).toBe(true);
    expect(lines[2]).toMatch(/┌──▶│ a₁ │$/);
    expect(lines[7]).toMatch(/└──▶│ a₂ │$/);
    expect(lines[3]).toMatch(/│ z₁ │ {4}t₁ 0$/);
    expect(lines[8]).toMatch(/│ z₂ │ {4}t₂ 1$/);
  });

  it('too wide for the columns: layer under layer; wide characters are measured as two columns', () => {
    const wide: NetworkDrawing = {
      ...two,
      columns: two.columns.map((c, i) => (i === 1 ? { ...c, title: '第1層 · シグモイド関数' } : c)),
    };
    for (const l of drawNetwork(wide, 80)) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    expect(drawNetwork(wide, 80)[0]).toContain('第1層 · シグモイド関数');
    expect(drawNetwork(two, 20)).toEqual([
      'input:',
      '  x₁ 1',
      '  x₂ 2',
      '    ↓ W¹',
      'layer 1:',
      '  [ a₁, z₁ ]',
      '  [ a₂, z₂ ]',
      'target:',
      '  t₁ 0',
      '  t₂ 1',
    ]);
  });
});

describe('the drawings printed', () => {
  it('solve: Mazur’s network with his published values, within 80 columns', () => {
    const r = cli.run('solve', 'exercises/networks/mazur.yaml');
    expect(r.status).toBe(0);
    const start = r.stdout.indexOf(' input ');
    const drawing = r.stdout.slice(start, r.stdout.indexOf('The inputs x', start)).split('\n');
    for (const l of drawing) expect(displayWidth(l)).toBeLessThanOrEqual(80);
    const text = drawing.join('\n');
    // Mazur (2015): net_h1 = 0.3775, out_h1 = 0.593269992, out_h2 = 0.596884378, net_o1 = 1.105905967,
    // out_o1 = 0.75136507, out_o2 = 0.772928465 (4 significant figures in the drawing).
    for (const v of ['a₁⁽¹⁾ 0.3775', 'z₁⁽¹⁾ 0.5933', 'z₂⁽¹⁾ 0.5969', 'a₁⁽²⁾ 1.106', 'z₁⁽²⁾ 0.7514', 'z₂⁽²⁾ 0.7729'])
      expect(text).toContain(v);
    for (const v of ['x₁ 0.05', 'x₂ 0.1', 't₁ 0.01', 't₂ 0.99', 'W⁽¹⁾', 'W⁽²⁾', 'layer 2 · σ'])
      expect(text).toContain(v);
    expect(cli.run('solve', 'exercises/networks/mazur.yaml', '--lang', 'ja').stdout).toContain('第2層 · σ');
  });

  it('quiz: the exercise’s inputs, biases and targets, and nothing it asks', () => {
    // Seed 3, output-bias-grad, Q1 (worked by hand in plain.test.ts): x = (0.4, 2), b = 0, identity,
    // t = 1; y = −1.4 and ∂L/∂b = −2.4 are to be computed, so neither is drawn.
    const r = q.quiz(
      ['quit'],
      '--template',
      'output-bias-grad',
      '--count',
      '1',
      '--seed',
      '3',
      '--session',
      q.path('d.jsonl'),
    );
    const start = r.stdout.indexOf('input ');
    const drawing = r.stdout.slice(start, r.stdout.indexOf('The inputs x', start));
    for (const v of ['x₁ 0.4', 'x₂ 2', 'b 0', 'y₁', 't₁ 1', 'layer 1 · id', 'W¹']) expect(drawing).toContain(v);
    expect(drawing).not.toMatch(/1\.4|2\.4/);
    expect(r.stdout.indexOf('The inputs x')).toBeLessThan(r.stdout.indexOf('Input x = (0.4, 2)'));
  });
});
