// What `solve GRAPH_FILE --format F` prints for a graph file (the CLI's solve command dispatches here
// when the file has a top-level `graph` key).
import { InputError } from '../network/errors';
import type { Source } from '../network/source';
import { graphSolutionToJson } from './json';
import { graphFromSource } from './load';
import { solveGraph } from './solve';
import { graphSolutionToText } from './text';
import type { Lang } from './words';

export const GRAPH_FORMATS = ['text', 'json'] as const;

export function graphOutput(source: Source, format: string, lang: Lang = 'en'): string {
  const solution = solveGraph(graphFromSource(source));
  switch (format) {
    case 'json':
      return `${JSON.stringify(graphSolutionToJson(solution), null, 2)}\n`;
    case 'text':
      return graphSolutionToText(solution, { lang });
    default:
      // The CLI checks --format before it gets here; the message reads like its usage errors.
      throw new InputError(
        'solve',
        null,
        `for a computational graph file --format must be one of ${GRAPH_FORMATS.join(', ')}, got "${format}"`,
      );
  }
}
