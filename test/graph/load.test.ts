// Bad graph files: one InputError naming the file, the line, the field and what was expected
// (in English, and in Japanese for --lang ja).
import { describe, expect, it } from 'vitest';
import { isGraphSource, parseGraph } from '../../src/graph/load';
import { InputError } from '../../src/network/errors';

function error(text: string): InputError {
  try {
    parseGraph(text, 'g.yaml');
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const graph = (nodes: string, inputs = '{x: 1, y: 2}', output = 'out') =>
  `graph:\n  inputs: ${inputs}\n  nodes:\n${nodes}\n  output: ${output}\n`;

describe('isGraphSource', () => {
  it('recognises a top-level graph key only', () => {
    expect(isGraphSource({ graph: {} })).toBe(true);
    expect(isGraphSource({ layers: [], graph: 1 })).toBe(true);
    expect(isGraphSource({ layers: [] })).toBe(false);
    expect(isGraphSource(null)).toBe(false);
    expect(isGraphSource(['graph'])).toBe(false);
    expect(isGraphSource('graph')).toBe(false);
  });
});

describe('graph file errors', () => {
  it.each([
    [
      'a cycle',
      graph(
        '    - {name: a, op: add, args: [x, b]}\n    - {name: b, op: mul, args: [a, 2]}\n    - {name: out, op: exp, args: [b]}',
      ),
      4,
      'graph.nodes[0].args[1]',
      /cycle: a → b → a/,
    ],
    [
      'a node using itself',
      graph('    - {name: out, op: add, args: [x, out]}'),
      4,
      'graph.nodes[0].args[1]',
      /cycle: out → out/,
    ],
    [
      'a longer cycle',
      graph(
        '    - {name: a, op: exp, args: [c]}\n    - {name: b, op: exp, args: [a]}\n    - {name: c, op: exp, args: [b]}\n    - {name: out, op: exp, args: [c]}',
      ),
      4,
      'graph.nodes[0].args[0]',
      /cycle: a → c → b → a/,
    ],
    [
      'a forward reference',
      graph('    - {name: a, op: add, args: [x, out]}\n    - {name: out, op: mul, args: [x, 2]}'),
      4,
      'graph.nodes[0].args[1]',
      /"out" is defined later \(graph\.nodes\[1\]\).*list "out" before "a"/,
    ],
    [
      'an unknown name',
      graph('    - {name: a, op: add, args: [x, 1]}\n    - {name: out, op: mul, args: [a, z]}'),
      5,
      'graph.nodes[1].args[1]',
      /unknown name "z": expected an input \(x, y\), or an earlier node \(a\), or a number/,
    ],
    [
      'a duplicate node name',
      graph(
        '    - {name: a, op: exp, args: [x]}\n    - {name: a, op: exp, args: [y]}\n    - {name: out, op: add, args: [a, a]}',
      ),
      5,
      'graph.nodes[1].name',
      /duplicate name "a": already used by graph\.nodes\[0\]/,
    ],
    [
      'a node named like an input',
      graph('    - {name: x, op: exp, args: [y]}\n    - {name: out, op: exp, args: [x]}'),
      4,
      'graph.nodes[0].name',
      /duplicate name "x": already used by an input/,
    ],
    [
      'add with one argument',
      graph('    - {name: out, op: add, args: [x]}'),
      4,
      'graph.nodes[0].args',
      /add takes 2 or more arguments, got 1/,
    ],
    [
      'sub with three',
      graph('    - {name: out, op: sub, args: [x, y, 1]}'),
      4,
      'graph.nodes[0].args',
      /sub takes exactly 2 arguments, got 3/,
    ],
    [
      'exp with two',
      graph('    - {name: out, op: exp, args: [x, y]}'),
      4,
      'graph.nodes[0].args',
      /exp takes exactly 1 argument, got 2/,
    ],
    [
      'an even root of a negative number',
      graph('    - {name: out, op: pow, args: [x, 1/2]}', '{x: -1, y: 2}'),
      4,
      'graph.nodes[0]',
      /no real root of even degree/,
    ],
    [
      'an infinite derivative at 0',
      graph('    - {name: out, op: pow, args: [x, "3/4"]}', '{x: 0, y: 2}'),
      4,
      'graph.nodes[0]',
      /the derivative of x\^r with r < 1 is infinite at x = 0/,
    ],
    [
      'a named exponent',
      graph('    - {name: out, op: pow, args: [x, y]}'),
      4,
      'graph.nodes[0].args[1]',
      /exponent of pow must be a number written in the file, .* got "y"/,
    ],
    [
      'a huge exponent',
      graph('    - {name: out, op: pow, args: [x, -1000]}'),
      4,
      'graph.nodes[0].args[1]',
      /between -64 and 64/,
    ],
    [
      'an unknown op',
      graph('    - {name: out, op: lg, args: [x]}'),
      4,
      'graph.nodes[0].op',
      /expected one of add, sub, mul, div, neg, square, pow, exp, log, reciprocal, sigmoid, tanh, relu, max, min, abs, got "lg"/,
    ],
    [
      'a decimal comma',
      graph('    - {name: out, op: exp, args: [x]}', '{x: 1,5}'),
      2,
      'graph.inputs.5',
      /bad input name "5"/,
    ],
    [
      'a non-number input',
      graph('    - {name: out, op: exp, args: [x]}', '{x: abc}'),
      2,
      'graph.inputs.x',
      /expected a number .* got "abc"/,
    ],
    [
      'a bad name',
      graph('    - {name: 2x, op: exp, args: [x]}'),
      4,
      'graph.nodes[0].name',
      /expected a name made of letters/,
    ],
    [
      'a list as an argument',
      graph('    - {name: out, op: exp, args: [[x]]}'),
      4,
      'graph.nodes[0].args[0]',
      /got a list/,
    ],
    [
      'an unknown node field',
      graph('    - {name: out, op: exp, args: [x], value: 3}'),
      4,
      'graph.nodes[0].value',
      /unknown field \(a node has name, op, args\)/,
    ],
    ['a missing field', graph('    - {name: out, op: exp}'), 4, 'graph.nodes[0]', /missing required field "args"/],
    [
      'an unknown output',
      graph('    - {name: a, op: exp, args: [x]}'),
      5,
      'graph.output',
      /unknown name "out": expected one of x, y, a/,
    ],
    ['no nodes', 'graph:\n  inputs: {x: 1}\n  nodes: []\n  output: x\n', 3, 'graph.nodes', /at least one node/],
    [
      'no inputs',
      'graph:\n  inputs: {}\n  nodes: [{name: a, op: exp, args: [1]}]\n  output: a\n',
      2,
      'graph.inputs',
      /at least one input/,
    ],
    [
      'log of 0',
      graph('    - {name: a, op: sub, args: [x, 1]}\n    - {name: out, op: log, args: [a]}'),
      5,
      'graph.nodes[1]',
      /cannot be evaluated: log\(0\): .*positive/,
    ],
    ['division by 0', graph('    - {name: out, op: div, args: [y, 0]}'), 4, 'graph.nodes[0]', /division by zero/],
    [
      '0 to a negative power',
      graph('    - {name: a, op: sub, args: [x, 1]}\n    - {name: out, op: pow, args: [a, -2]}'),
      5,
      'graph.nodes[1]',
      /0 cannot be raised to a negative power/,
    ],
    [
      'an extra top-level key',
      `${graph('    - {name: out, op: exp, args: [x]}')}layers: []\n`,
      6,
      'layers',
      /unknown field \(a graph file has graph\)/,
    ],
  ])('%s', (_, text, line, field, message) => {
    const e = error(text);
    expect(e.file).toBe('g.yaml');
    expect(e.line).toBe(line);
    expect(e.field).toBe(field);
    expect(e.expected).toMatch(message);
    // --lang ja: the same `file:line: field: ` prefix, then Japanese (none of the English words).
    const prefix = `g.yaml:${line}: ${field}: `;
    const ja = e.messageIn('ja');
    expect(e.message.startsWith(prefix)).toBe(true);
    expect(ja.startsWith(prefix), ja).toBe(true);
    expect(ja).not.toContain('\n');
    expect(ja.slice(prefix.length)).toMatch(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u);
    expect(ja.slice(prefix.length)).not.toMatch(
      /\b(expected|got|must|unknown|missing|duplicate|cycle|takes|cannot|already|defined|between|division|needs|undefined|neither)\b/i,
    );
  });

  it.each([
    [
      'an unknown name',
      graph('    - {name: a, op: add, args: [x, 1]}\n    - {name: out, op: mul, args: [a, z]}'),
      'g.yaml:5: graph.nodes[1].args[1]: 不明な名前 "z" です: 入力（x, y）、前のノード（a）、数（例: 100, 1.1, -1, "1/3"）のいずれかを指定してください',
    ],
    [
      'a cycle',
      graph(
        '    - {name: a, op: add, args: [x, b]}\n    - {name: b, op: mul, args: [a, 2]}\n    - {name: out, op: exp, args: [b]}',
      ),
      'g.yaml:4: graph.nodes[0].args[1]: 循環しています: a → b → a（各ノードが次のノードを使っています。ノードは自分自身に依存できません）',
    ],
    [
      'a duplicate name',
      graph('    - {name: x, op: exp, args: [y]}\n    - {name: out, op: exp, args: [x]}'),
      'g.yaml:4: graph.nodes[0].name: 名前 "x" が重複しています: すでに入力で使われています',
    ],
    [
      'add with one argument',
      graph('    - {name: out, op: add, args: [x]}'),
      'g.yaml:4: graph.nodes[0].args: add の引数は 2 個以上でなければなりませんが、1 個です',
    ],
    [
      'an unknown op',
      graph('    - {name: out, op: lg, args: [x]}'),
      'g.yaml:4: graph.nodes[0].op: add, sub, mul, div, neg, square, pow, exp, log, reciprocal, sigmoid, tanh, relu, max, min, abs のいずれかを指定してください（指定値: "lg"）',
    ],
    [
      'a missing field',
      graph('    - {name: out, op: exp}'),
      'g.yaml:4: graph.nodes[0]: 必須のフィールド "args" がありません（ノードのフィールドは name, op, args）',
    ],
    [
      'log of 0',
      graph('    - {name: a, op: sub, args: [x, 1]}\n    - {name: out, op: log, args: [a]}'),
      'g.yaml:5: graph.nodes[1]: 計算できません: log(0): log（自然対数）の引数は正の数でなければなりません',
    ],
    [
      'division by 0',
      graph('    - {name: out, op: div, args: [y, 0]}'),
      'g.yaml:4: graph.nodes[0]: 計算できません: div(2, 0): 0 で割ることはできません',
    ],
    [
      '0 to a negative power',
      graph('    - {name: a, op: sub, args: [x, 1]}\n    - {name: out, op: pow, args: [a, -2]}'),
      'g.yaml:5: graph.nodes[1]: 計算できません: pow(0, -2): 0 を負の数で累乗することはできません',
    ],
    [
      'the reciprocal of 0',
      graph('    - {name: a, op: sub, args: [x, 1]}\n    - {name: out, op: reciprocal, args: [a]}'),
      'g.yaml:5: graph.nodes[1]: 計算できません: reciprocal(0): 0 の逆数は定義されていません',
    ],
    [
      'no output',
      graph('    - {name: out, op: exp, args: [x]}', '{x: 1}', '""'),
      'g.yaml:5: graph.output: 勾配を求めたいノード（または入力）の名前を指定してください（値がありません）',
    ],
  ])('in Japanese: %s', (_, text, expected) => {
    expect(error(text).messageIn('ja')).toBe(expected);
  });

  it('accepts Japanese names and an output in the middle', () => {
    const spec = parseGraph(
      graph(
        '    - {name: りんごの値段, op: mul, args: [x, 100]}\n    - {name: out, op: add, args: [りんごの値段, y]}',
        '{x: 2, y: 3}',
        'りんごの値段',
      ),
    );
    expect(spec.output).toBe('りんごの値段');
    expect(spec.nodes[0].args[1]).toMatchObject({ kind: 'literal', text: '100' });
  });
});

describe('graph step errors', () => {
  const stepped = (step: string) => `${graph('    - {name: out, op: mul, args: [x, y]}')}  step: ${step}\n`;
  it.each([
    [
      'a node to move',
      '{learning_rate: 0.1, update: [out]}',
      'graph.step.update[0]',
      /"out" is a node, not an input: a step moves inputs only: expected one of x, y/,
    ],
    ['an unknown name', '{learning_rate: 0.1, update: [z]}', 'graph.step.update[0]', /unknown name "z"/],
    ['a name twice', '{learning_rate: 0.1, update: [x, x]}', 'graph.step.update[1]', /listed twice/],
    ['no inputs', '{learning_rate: 0.1, update: []}', 'graph.step.update', /at least one input/],
    ['a negative rate', '{learning_rate: -0.1, update: [x]}', 'graph.step.learning_rate', /positive number/],
    ['a misspelt field', '{learning_rate: 0.1, update: [x], ascend: true}', 'graph.step.ascend', /ascend/],
    ['a missing rate', '{update: [x]}', 'graph.step', /learning_rate/],
    ['a bad ascent', '{learning_rate: 0.1, update: [x], ascent: yes}', 'graph.step.ascent', /true or false/],
  ])('%s', (_what, step, field, message) => {
    const e = error(stepped(step));
    expect(e.field).toBe(field);
    expect(e.line).toBe(6);
    expect(e.message).toMatch(message);
  });

  it('reports a value the step makes impossible, in both languages', () => {
    // x′ = 1 − 1·1 = 0, and log(0) after the step.
    const e = error(
      'graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: out, op: log, args: [x]}\n  output: out\n  step: {learning_rate: 1, update: [x]}\n',
    );
    expect(e.field).toBe('graph.step');
    expect(e.message).toMatch(/after the step, graph.nodes\[0\] cannot be evaluated: log\(0\)/);
    expect(e.messageIn('ja')).toMatch(/ステップの後/);
  });
});
