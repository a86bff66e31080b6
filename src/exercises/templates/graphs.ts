// Computational graphs (the layer-code notes, DLfS ch. 5): the chain rule on z = t², t = x + y at a point, and the
// apple-shopping graphs of add and multiply nodes. Expected values come from the graph engine
// (src/graph, solveGraph).
import { lit } from '../numbers';
import type { Rng } from '../prng';
import { show } from '../show';
import type { GraphDraft, Template } from '../template';
import { t, type Text } from '../text';
import type { GraphAsk, GraphFile } from '../types';

type Node = { name: string; op: string; args: string[] };

function graphFile(inputs: Record<string, string>, nodes: Node[], output: string): GraphFile {
  return { graph: { inputs, nodes, output } };
}

const grad = (id: string, node: string): GraphAsk => ({ id, quantity: 'gradients', node });

const POINT = ['1', '2', '3', '-1', '-2', '0.5', '1.5', '-0.5', '4'];
const text = (rng: Rng, pool: readonly string[]) => show(lit(rng.pick(pool)));

export const chainRule: Template = {
  name: 'chain-rule',
  kind: 'graph',
  description: t(
    'Chain rule at a point: z = t², t = x + y (and two-step variants)',
    '連鎖律をある点で: z = t²、t = x + y（と 2 段の変形）',
  ),
  topic: t(
    'the layer-code notes: chain rule on z = t², t = x + y; the lecture slides: chain rule with 1, 2, n variables',
    'レイヤのコードのノートの z = t²、t = x + y の連鎖律、講義スライドの 1・2・n 変数の連鎖律',
  ),
  draft(rng, difficulty): GraphDraft {
    let file: GraphFile;
    let asks: GraphAsk[];
    if (difficulty === 1) {
      file = graphFile(
        { x: text(rng, POINT), y: text(rng, POINT) },
        [
          { name: 't', op: 'add', args: ['x', 'y'] },
          { name: 'z', op: 'square', args: ['t'] },
        ],
        'z',
      );
      asks = [{ id: 'a1', quantity: 'value' }, grad('a2', 'x')];
    } else if (difficulty === 2) {
      file = graphFile(
        {
          a: text(rng, ['2', '3', '-1', '0.5', '-2']),
          x: text(rng, POINT),
          b: text(rng, ['2', '3', '-1', '0.5', '-3', '4']),
          y: text(rng, POINT),
        },
        [
          { name: 'p', op: 'mul', args: ['a', 'x'] },
          { name: 'q', op: 'mul', args: ['b', 'y'] },
          { name: 't', op: 'add', args: ['p', 'q'] },
          { name: 'z', op: 'square', args: ['t'] },
        ],
        'z',
      );
      asks = [grad('a1', 't'), grad('a2', 'x'), grad('a3', 'y')];
    } else {
      file = graphFile(
        { u: text(rng, POINT), v: text(rng, POINT), y: text(rng, POINT) },
        [
          { name: 'x', op: 'mul', args: ['u', 'v'] },
          { name: 't', op: 'add', args: ['x', 'y'] },
          { name: 'z', op: 'square', args: ['t'] },
        ],
        'z',
      );
      asks = [grad('a1', 'x'), grad('a2', 'u'), grad('a3', 'v')];
    }
    return {
      kind: 'graph',
      file,
      asks,
      intro: t(
        'Chain rule on a computational graph: compute the asked values at the given point.',
        '計算グラフ上の連鎖律: 与えられた点で、次の値を求めよ。',
      ),
    };
  },
};

const SHOP: Readonly<Record<string, Text>> = {
  apple: t('price of one apple', 'りんご 1 個の値段'),
  apple_num: t('number of apples', 'りんごの個数'),
  orange: t('price of one orange', 'みかん 1 個の値段'),
  orange_num: t('number of oranges', 'みかんの個数'),
  coupon: t('discount coupon, subtracted before tax', '割引クーポン、税の前に引く'),
  tax: t('consumption tax factor', '消費税の倍率'),
  apple_price: t('apples total', 'りんごの合計'),
  orange_price: t('oranges total', 'みかんの合計'),
  all_price: t('total before tax', '税抜きの合計'),
  discounted: t('total after the coupon', 'クーポン適用後の合計'),
  price: t('amount to pay', '支払金額'),
};

export const graphBackward: Template = {
  name: 'graph-backward',
  kind: 'graph',
  description: t(
    'Backward pass on a computational graph of add and multiply nodes (apple shopping)',
    '加算ノードと乗算ノードの計算グラフの逆伝播（りんごの買い物）',
  ),
  topic: t(
    'the layer-code notes: computational graphs, add and multiply nodes, the apple example',
    'レイヤのコードのノートの計算グラフ、加算ノード・乗算ノード、りんごの買い物の例',
  ),
  draft(rng, difficulty): GraphDraft {
    const tax = rng.pick(['1.1', '1.08', '1.2', '1.05']);
    const apple = String(rng.pick([80, 100, 120, 150, 200, 90]));
    const appleNum = String(rng.int(2, 5));
    let file: GraphFile;
    let asks: GraphAsk[];
    if (difficulty === 1) {
      file = graphFile(
        { apple, apple_num: appleNum, tax },
        [
          { name: 'apple_price', op: 'mul', args: ['apple', 'apple_num'] },
          { name: 'price', op: 'mul', args: ['apple_price', 'tax'] },
        ],
        'price',
      );
      asks = [{ id: 'a1', quantity: 'value' }, grad('a2', 'apple'), grad('a3', 'apple_num'), grad('a4', 'tax')];
    } else {
      const orange = String(rng.pick([50, 60, 120, 150, 70]));
      const orangeNum = String(rng.int(2, 5));
      const nodes: Node[] = [
        { name: 'apple_price', op: 'mul', args: ['apple', 'apple_num'] },
        { name: 'orange_price', op: 'mul', args: ['orange', 'orange_num'] },
        { name: 'all_price', op: 'add', args: ['apple_price', 'orange_price'] },
      ];
      const inputs: Record<string, string> = { apple, apple_num: appleNum, orange, orange_num: orangeNum };
      if (difficulty === 3) {
        inputs.coupon = String(rng.pick([50, 100, 30]));
        nodes.push({ name: 'discounted', op: 'sub', args: ['all_price', 'coupon'] });
      }
      inputs.tax = tax;
      nodes.push({ name: 'price', op: 'mul', args: [difficulty === 3 ? 'discounted' : 'all_price', 'tax'] });
      file = graphFile(inputs, nodes, 'price');
      asks =
        difficulty === 2
          ? [grad('a1', 'apple'), grad('a2', 'apple_num'), grad('a3', 'orange'), grad('a4', 'tax')]
          : [grad('a1', 'apple_num'), grad('a2', 'orange'), grad('a3', 'coupon'), grad('a4', 'tax')];
    }
    return {
      kind: 'graph',
      file,
      asks,
      names: SHOP,
      intro: t(
        'Shopping on a computational graph: propagate backwards from the amount to pay and find how it changes with each input.',
        '買い物の計算グラフ: 支払金額から逆伝播し、各入力に対する微分を求めよ。',
      ),
    };
  },
};
