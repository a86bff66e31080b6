// A computational graph through the same renderers: the adapter keeps the graph's own steps and
// figure, and every formula typesets (KaTeX, strict).
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { join } from 'node:path';
import { loadGraph, solveGraph } from '../../src/graph';
import { graphDocument } from '../../src/document/graph';
import { documentMath } from '../../src/document/model';
import { renderHtml } from '../../src/render/html';
import { ROOT } from './helpers';

describe('graph documents', () => {
  for (const name of ['apple', 'apple-orange', 'chain-rule', 'sigmoid']) {
    it(`${name}.yaml: the figure, every forward, backward and gradient step, and valid math`, async () => {
      const solution = solveGraph(loadGraph(join(ROOT, `exercises/graphs/${name}.yaml`)));
      const doc = graphDocument(solution, { lang: 'en', name: `${name}.yaml` });
      expect(doc.sections.map((s) => s.id)).toEqual(['graph', 'forward', 'backward', 'gradients']);
      const steps = doc.sections.flatMap((s) => s.blocks).filter((b) => b.kind === 'step');
      const withLatex = (xs: readonly { latex: string | null }[]) => xs.filter((x) => x.latex !== null).length;
      expect(steps.length).toBe(
        solution.spec.nodes.length +
          solution.gradients.size +
          withLatex((await import('../../src/graph')).graphSteps(solution).backward),
      );
      for (const m of documentMath(doc)) katex.renderToString(m, { throwOnError: true, strict: 'error' });
      const html = await renderHtml(doc);
      expect(html).toContain('<svg');
      expect(html).not.toContain('katex-error');
    });
  }

  it("shows the apple example's gradients: ∂price/∂apple = 2.2, ∂price/∂apple_num = 110, ∂price/∂tax = 200", () => {
    const doc = graphDocument(solveGraph(loadGraph(join(ROOT, 'exercises/graphs/apple.yaml'))), {
      lang: 'ja',
      name: 'apple.yaml',
    });
    const gradients = doc.sections.find((s) => s.id === 'gradients')!;
    const formulas = gradients.blocks.flatMap((b) => (b.kind === 'step' ? [b.step.formula] : []));
    expect(formulas.some((f) => f.includes('\\text{apple}}') && /= (2\.2|\\frac\{11\}\{5\})/.test(f))).toBe(true);
    expect(formulas.some((f) => f.includes('\\text{apple\\_num}}') && f.endsWith('= 110'))).toBe(true);
    expect(formulas.some((f) => f.includes('\\text{tax}}') && f.endsWith('= 200'))).toBe(true);
    expect(gradients.title).toBe('price の勾配');
  });
});
