// Every input file fails the same way: one InputError `file:line: field: expected …`, whose Japanese
// (--lang ja) keeps the same `file:line: field: ` prefix. One table of bad files per loader.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseNetwork } from '../../src/network/load';
import { parseGraph } from '../../src/graph/load';
import { parseExercise } from '../../src/grader/exercise-file';
import { mapping, missingField, says, unknownField, validate } from '../../src/network/schema-issues';
import { parseSource } from '../../src/network/source';
import { errorOf, expectFileError } from './file-error';

const net = (
  parts: Partial<Record<'layout' | 'layers' | 'loss' | 'input' | 'target' | 'rate' | 'extra', string>> = {},
) =>
  [
    parts.layout ?? 'layout: x-w',
    parts.layers ?? 'layers:\n  - weights: [[1, 2]]\n    activation: identity',
    parts.loss ?? 'loss: half-sse',
    parts.input ?? 'input: [[1]]',
    parts.target ?? 'target: [[1, 2]]',
    parts.rate ?? 'learning_rate: 0.5',
    parts.extra ?? '',
  ].join('\n');

describe('network files', () => {
  it.each([
    ['not a mapping', '- 1\n', 'n.yaml:1: ', /^expected a network: a mapping with layers/],
    ['an empty file', '', 'n.yaml: ', /^expected a network/],
    [
      'layers that are not a list',
      net({ layers: 'layers: 3' }),
      'n.yaml:2: layers: ',
      /^expected a list of layers, each with weights and activation, got "3"$/,
    ],
    ['no layers', net({ layers: 'layers: []' }), 'n.yaml:2: layers: ', /^expected at least one layer$/],
    [
      'a layer that is a text',
      net({ layers: 'layers: [3]' }),
      'n.yaml:2: layers[0]: ',
      /^expected a mapping, got "3"$/,
    ],
    [
      'a layer that is a list',
      net({ layers: 'layers: [[1]]' }),
      'n.yaml:2: layers[0]: ',
      /^expected a mapping, got a list$/,
    ],
    [
      'a row that is a number',
      net({ layers: 'layers:\n  - weights: [3]\n    activation: identity' }),
      'n.yaml:3: layers[0].weights[0]: ',
      /^expected a row: .*, got "3"$/,
    ],
    [
      'a bias that is a mapping',
      net({ layers: 'layers:\n  - weights: [[1, 2]]\n    bias: {a: 1}\n    activation: identity' }),
      'n.yaml:4: layers[0].bias: ',
      /^expected a list of numbers.*, got a mapping$/,
    ],
    [
      'an activation that is a list',
      net({ layers: 'layers:\n  - weights: [[1, 2]]\n    activation: [1]' }),
      'n.yaml:4: layers[0].activation: ',
      /^expected one of identity, .*, got a list$/,
    ],
    [
      'conventions that are a list',
      net({ extra: 'conventions: [1]' }),
      'n.yaml:9: conventions: ',
      /^expected a mapping, got a list$/,
    ],
    [
      'a batch that is a list',
      net({ extra: 'conventions: {batch: [1]}' }),
      'n.yaml:9: conventions.batch: ',
      /^expected mean or sum, got a list$/,
    ],
    [
      'an empty update_biases',
      net({ extra: 'update_biases: ""' }),
      'n.yaml:9: update_biases: ',
      /^expected true or false, got nothing$/,
    ],
    [
      'a missing loss',
      'layers: [{weights: [[1]], activation: identity}]\n',
      'n.yaml:1: loss: ',
      /^missing required field$/,
    ],
    [
      'a misspelt field (unknown, not missing)',
      net({ rate: 'learning_rat: 0.5' }),
      'n.yaml:8: learning_rat: ',
      /^unknown field \(a network has/,
    ],
    [
      'an outer unknown field before an inner one',
      net({ extra: 'conventions: {a: 1}\nepochs: 2' }),
      'n.yaml:10: epochs: ',
      /^unknown field/,
    ],
    [
      'an empty row',
      net({ input: 'input: [[]]' }),
      'n.yaml:6: input[0]: ',
      /^expected at least one number in the row$/,
    ],
    [
      'a number that is not one',
      net({ rate: 'learning_rate: fast' }),
      'n.yaml:8: learning_rate: ',
      /^expected a number .*, got "fast"$/,
    ],
  ])('%s', (_, text, prefix, english) => {
    expectFileError(
      errorOf((t) => parseNetwork(t, 'n.yaml'), text),
      prefix,
      english,
    );
  });
});

const graph = (nodes: string, inputs = '{x: 1, y: 2}', output = 'out') =>
  `graph:\n  inputs: ${inputs}\n  nodes:\n${nodes}\n  output: ${output}\n`;

describe('graph files: the shape', () => {
  it.each([
    ['an empty file', '', 'g.yaml: ', /^expected a mapping with a top-level "graph" key, got nothing$/],
    [
      'a graph that is a list',
      'graph: []\n',
      'g.yaml:1: graph: ',
      /^expected a mapping with inputs, nodes and output, got a list$/,
    ],
    [
      'an empty graph',
      'graph: {}\n',
      'g.yaml:1: graph: ',
      /^missing required field "inputs" \(a graph has inputs, nodes, output, step\)$/,
    ],
    [
      'an unknown top-level key before a bad graph',
      'graph: []\nlayers: 1\n',
      'g.yaml:2: layers: ',
      /^unknown field \(a graph file has graph\)$/,
    ],
    [
      'inputs that are a list',
      'graph: {inputs: [1], nodes: [{name: a, op: exp, args: [x]}], output: a}\n',
      'g.yaml:1: graph.inputs: ',
      /^expected a mapping from input names to numbers.*, got a list$/,
    ],
    [
      'an input that is a list',
      graph('    - {name: out, op: exp, args: [x]}', '{x: [1]}'),
      'g.yaml:2: graph.inputs.x: ',
      /^expected a number .*, got a list$/,
    ],
    [
      'nodes that are a mapping',
      'graph: {inputs: {x: 1}, nodes: {a: 1}, output: a}\n',
      'g.yaml:1: graph.nodes: ',
      /^expected a list of nodes, .*, got a mapping$/,
    ],
    [
      'a node that is a list',
      graph('    - [1]'),
      'g.yaml:4: graph.nodes[0]: ',
      /^expected a node like .*, got a list$/,
    ],
    [
      'an empty node name',
      graph('    - {name: "", op: exp, args: [x]}'),
      'g.yaml:4: graph.nodes[0].name: ',
      /^expected a name made of letters.*, got nothing$/,
    ],
    [
      'args that are a text',
      graph('    - {name: out, op: exp, args: x}'),
      'g.yaml:4: graph.nodes[0].args: ',
      /^expected a list of arguments.*, got "x"$/,
    ],
    [
      'an empty argument',
      graph('    - {name: out, op: exp, args: [""]}'),
      'g.yaml:4: graph.nodes[0].args[0]: ',
      /^expected the name of an input or earlier node, or a number, got nothing$/,
    ],
    [
      'neg with none',
      graph('    - {name: out, op: neg, args: []}'),
      'g.yaml:4: graph.nodes[0].args: ',
      /^neg takes exactly 1 argument, got 0$/,
    ],
    [
      'pow with one',
      graph('    - {name: out, op: pow, args: [x]}'),
      'g.yaml:4: graph.nodes[0].args: ',
      /^pow takes exactly 2 arguments \(base and exponent, e\.g\. \[t, 2\] or \[t, "3\/4"\]\), got 1$/,
    ],
    [
      'an output that is a list',
      graph('    - {name: out, op: exp, args: [x]}', '{x: 1}', '[out]'),
      'g.yaml:5: graph.output: ',
      /^expected the name of the node .*, got a list$/,
    ],
  ])('%s', (_, text, prefix, english) => {
    expectFileError(
      errorOf((t) => parseGraph(t, 'g.yaml'), text),
      prefix,
      english,
    );
  });
});

const NETWORK =
  '{layers: [{weights: [[0.5], [-0.25]], activation: identity}], loss: half-sse, input: [[0.4, 0.6]], target: [[0.3]], learning_rate: 0.5}';
const exercise = (parts: Partial<Record<'network' | 'asks' | 'extra', string>> = {}) =>
  [`network: ${parts.network ?? NETWORK}`, parts.asks ?? 'asks:\n  - {id: a1, quantity: loss}', parts.extra ?? ''].join(
    '\n',
  );

describe('exercise files', () => {
  it.each([
    ['not a mapping', '[1]', 'e.json:1: ', /^expected an exercise: a mapping with network, asks and expected/],
    [
      'asks that are a text',
      exercise({ asks: 'asks: 1' }),
      'e.json:2: asks: ',
      /^expected a list of asks, each with id and quantity, got "1"$/,
    ],
    ['no asks', exercise({ asks: 'asks: []' }), 'e.json:2: asks: ', /^expected at least one ask$/],
    [
      'an ask that is a list',
      exercise({ asks: 'asks:\n  - [1]' }),
      'e.json:3: asks[0]: ',
      /^expected an ask: a mapping with id and quantity, got a list$/,
    ],
    [
      'an ask without quantity',
      exercise({ asks: 'asks:\n  - {id: a1}' }),
      'e.json:3: asks[0].quantity: ',
      /^missing required field$/,
    ],
    [
      'a bad ask id',
      exercise({ asks: 'asks:\n  - {id: a b, quantity: loss}' }),
      'e.json:3: asks[0].id: ',
      /^expected an ask id such as "a1" \(letters, digits, _ or -\), got "a b"$/,
    ],
    [
      'a layer that is not an index',
      exercise({ asks: 'asks:\n  - {id: a1, quantity: delta, layer: x}' }),
      'e.json:3: asks[0].layer: ',
      /^expected a layer index/,
    ],
    [
      'an index that is not one',
      exercise({ asks: 'asks:\n  - {id: a1, quantity: delta, layer: 0, index: [x]}' }),
      'e.json:3: asks[0].index[0]: ',
      /^expected a cell index/,
    ],
    [
      'an unknown tolerance field',
      exercise({ asks: 'asks:\n  - id: a1\n    quantity: loss\n    tolerance: {abs: 1}' }),
      'e.json:5: asks[0].tolerance.abs: ',
      /^unknown field \(a tolerance has absolute and\/or relative\)$/,
    ],
    [
      'a negative tolerance',
      exercise({ extra: 'tolerance: {absolute: -1}' }),
      'e.json:4: tolerance.absolute: ',
      /^expected a non-negative number, got "-1"$/,
    ],
    [
      'a hint that is a list',
      exercise({ extra: 'hints: {a1: [[1]]}' }),
      'e.json:4: hints.a1[0]: ',
      /^expected a hint \(a text\), got a list$/,
    ],
    [
      'expected values that are a list',
      exercise({ extra: 'expected: [1]' }),
      'e.json:4: expected: ',
      /^expected a mapping from ask id to value, got a list$/,
    ],
    [
      'an ask id used twice',
      exercise({ asks: 'asks:\n  - {id: a1, quantity: loss}\n  - {id: a1, quantity: loss}' }),
      'e.json:4: asks[1].id: ',
      /^ask id "a1" is used twice$/,
    ],
    ['a network that is a list', exercise({ network: '[1]' }), 'e.json:1: network: ', /^expected a network file/],
    [
      'a network without layers',
      exercise({ network: '{layers: []}' }),
      'e.json:1: network.layers: ',
      /^expected at least one layer$/,
    ],
    [
      'a graph that is a text',
      exercise({ network: '{graph: 1}' }),
      'e.json:1: network.graph: ',
      /^expected a mapping with inputs, nodes and output, got "1"$/,
    ],
  ])('%s', (_, text, prefix, english) => {
    expectFileError(
      errorOf((t) => parseExercise(t, 'e.json'), text),
      prefix,
      english,
    );
  });
});

describe('the shared layer', () => {
  const schema = mapping(
    {
      size: v.string(says({ en: 'expected a size', ja: '大きさを指定してください' })),
      items: v.array(
        mapping(
          { name: v.string() },
          {
            expected: { en: 'expected an item', ja: '項目を指定してください' },
            unknown: unknownField({ en: 'an item', ja: '項目' }, 'name'),
            missing: (key) => missingField(key, { en: 'an item', ja: '項目' }, 'name'),
          },
        ),
      ),
    },
    {
      expected: { en: 'expected a box', ja: '箱を指定してください' },
      got: false,
      unknown: unknownField({ en: 'a box', ja: '箱' }, 'size, items'),
    },
  );
  const check = (text: string) => errorOf((t) => validate(parseSource('box.yaml', t), schema), text);

  it('adds what the file has instead, unless told not to', () => {
    expect(check('size: [1]\nitems: []\n').messageIn('ja')).toBe(
      'box.yaml:1: size: 大きさを指定してください（指定値: リスト）',
    );
    expect(check('size: [1]\nitems: []\n').message).toBe('box.yaml:1: size: expected a size, got a list');
    expect(check('- 1\n').message).toBe('box.yaml:1: expected a box');
  });

  it('names a missing field at the mapping when its message names the field', () => {
    expect(check('size: 1\nitems:\n  - {}\n').message).toBe(
      'box.yaml:3: items[0]: missing required field "name" (an item has name)',
    );
    expect(check('items: []\n').message).toBe('box.yaml:1: size: missing required field');
  });

  it('reports an unknown field of a mapping before the problems inside it', () => {
    expect(check('size: [1]\nitems:\n  - {name: [a]}\nsizes: 1\n').message).toBe(
      'box.yaml:4: sizes: unknown field (a box has size, items)',
    );
    // A misspelt key is also a missing one: the typo is named.
    expect(check('siz: 1\nitems: []\n').messageIn('ja')).toBe(
      'box.yaml:1: siz: 不明なフィールドです（箱のフィールドは size, items）',
    );
  });

  it('keeps a message that did not say both languages, in both', () => {
    const error = check('size: 1\nitems:\n  - {name: [a]}\n');
    expect(error.field).toBe('items[0].name');
    expect(error.messageIn('ja')).toBe(error.message);
  });
});
