// Shared fixtures for the renderer tests: solved example networks and their documents.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNetwork, parseNetwork } from '../../src/network/load';
import { solve, type Solution } from '../../src/engine/solve';
import { buildTrace } from '../../src/trace/build';
import { traceDocument } from '../../src/document/network';
import { networkAppendix } from '../../src/explain/document';
import type { Lang } from '../../src/i18n/messages';
import type { FormOption, Step } from '../../src/trace/types';
import type { WorkedDocument } from '../../src/document/model';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const MAZUR = join(ROOT, 'exercises/networks/mazur.yaml');

export function mazur(): Solution {
  return solve(loadNetwork(MAZUR));
}

/** A small network that exercises negative numbers, a batch, w-x, tanh, leaky-relu and softmax + CE. */
export const MIXED_TEXT = [
  'layout: w-x',
  'layers:',
  '  - weights: [[0.5, -0.4], [-0.3, 0.2]]',
  '    bias: [-0.1, 0.2]',
  '    activation: leaky-relu',
  '  - weights: [[0.2, -0.6], [0.7, 0.1]]',
  '    bias: [0, -0.2]',
  '    activation: softmax',
  'loss: cross-entropy',
  'input: [[1, -2], [0.5, 0.5]]',
  'target: [[1, 0], [0, 1]]',
  'learning_rate: 0.5',
].join('\n');

export function mixed(): Solution {
  return solve(parseNetwork(MIXED_TEXT, 'mixed.yaml'));
}

export function documentOf(
  solution: Solution,
  lang: Lang = 'en',
  form?: FormOption,
  name = 'net.yaml',
): { doc: WorkedDocument; steps: Step[] } {
  const trace = buildTrace(solution, { form });
  return {
    doc: traceDocument(solution, trace, { lang, name, appendix: networkAppendix(solution.network, lang) }),
    steps: trace.sections.flatMap((s) => s.steps),
  };
}

/** The id a step gets in a document (and "step-<id>" in HTML). */
export function docId(step: Step): string {
  return step.id.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '');
}
