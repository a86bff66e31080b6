// The exercise of a question about a teacher's own network or graph file: the same for every student,
// in the exercise JSON shape that `exercise --format json` prints, with the engine's values and the
// exercise module's prompt and hints (nothing computed here).
import { solve } from '../engine/solve';
import { graphExercise, networkExercise } from '../exercises/generate';
import { askValue } from '../exercises/quantities';
import type { NetworkContext } from '../exercises/template';
import type { Exercise, GraphAsk, GraphFile, Lang, NetworkAsk, NetworkFile } from '../exercises/types';
import { graphAskValue, solveGraphFile } from '../exercises/variant';
import { networkSpecOf } from '../exercises/network-file';
import { isGraphSource } from '../graph/detect';
import type { FileQuestion } from './types';

/** The template name an exercise from a file carries (a file has no template). */
export const FILE_TEMPLATE = { network: 'network-file', graph: 'graph-file' } as const;

const NETWORK_INTRO = {
  en: 'Backpropagation by hand on the network below.',
  ja: '次のネットワークについて、誤差逆伝播法を手計算で行え。',
};
const GRAPH_INTRO = {
  en: 'Forward and backward propagation on the computational graph below.',
  ja: '次の計算グラフについて、順伝播と逆伝播を計算せよ。',
};

export function fileExercise(question: FileQuestion, seed: number, lang: Lang): Exercise {
  if (isGraphSource(question.network)) {
    const file = question.network as GraphFile;
    const asks = question.asks as GraphAsk[];
    const solution = solveGraphFile(file);
    return graphExercise(
      { template: FILE_TEMPLATE.graph, seed, difficulty: 1, lang },
      { solution, values: asks.map((ask) => graphAskValue(solution, ask)), draft: { file, asks, intro: GRAPH_INTRO } },
    );
  }
  const file = question.network as NetworkFile;
  const asks = question.asks as NetworkAsk[];
  const spec = networkSpecOf(file, question.path);
  const given = new Map();
  const solution = solve(spec);
  const ctx: NetworkContext = {
    spec,
    given,
    solution,
    values: asks.map((ask) => askValue(spec, solution, given, ask)),
  };
  return networkExercise(
    { template: FILE_TEMPLATE.network, seed, difficulty: 1, lang },
    { file, ctx, draft: { asks, intro: NETWORK_INTRO } },
  );
}
