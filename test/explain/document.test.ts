// Derivations as documents: `explain --format markdown|html|latex` and the appendix of a network's
// worked solution. The appendix holds exactly the derivations of the derivatives the network uses, in
// every format and both languages; the English LaTeX of all topics compiles (pdflatex) within the page.
import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import katex from 'katex';
import { TOPICS, findTopic } from '../../src/explain';
import { networkTopics, topicsDocument } from '../../src/explain/document';
import { parseNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { documentMath, type WorkedDocument } from '../../src/document/model';
import { renderLatex } from '../../src/render/latex';
import { renderMarkdown } from '../../src/render/markdown';
import { renderHtml } from '../../src/render/html';
import { documentOf, mazur, mixed } from '../render/helpers';

function net(layers: [string, number][], loss: string): string {
  // A chain of 1-input layers: [activation, units].
  let inputs = 1;
  const lines = ['layout: x-w', 'layers:'];
  for (const [activation, units] of layers) {
    const w = Array.from({ length: inputs }, () => `[${Array.from({ length: units }, () => '0.5').join(', ')}]`).join(
      ', ',
    );
    lines.push(
      `  - {weights: [${w}], bias: [${Array.from({ length: units }, () => '0').join(', ')}], activation: ${activation}}`,
    );
    inputs = units;
  }
  const target = Array.from({ length: inputs }, (_, k) => (k === 0 ? '1' : '0')).join(', ');
  lines.push(`loss: ${loss}`, 'input: [[1]]', `target: [[${target}]]`, 'learning_rate: 0.5');
  return lines.join('\n');
}

const topicIds = (text: string) => networkTopics(parseNetwork(text, 'n.yaml')).map((t) => t.id);

describe('the derivations a network uses', () => {
  it('are those of its activation functions and its loss', () => {
    expect(networkTopics(mazur().network).map((t) => t.id)).toEqual(['sigmoid']);
    expect(networkTopics(mixed().network).map((t) => t.id)).toEqual(['leaky-relu', 'softmax-cross-entropy']);
    expect(
      topicIds(
        net(
          [
            ['tanh', 2],
            ['softmax', 2],
          ],
          'half-sse',
        ),
      ),
    ).toEqual(['tanh', 'softmax']);
    expect(
      topicIds(
        net(
          [
            ['relu', 2],
            ['softmax', 2],
          ],
          'cross-entropy',
        ),
      ),
    ).toEqual(['relu', 'softmax-cross-entropy']);
    expect(
      topicIds(
        net(
          [
            ['relu6', 2],
            ['prelu', 2],
            ['relu6', 1],
          ],
          'mse',
        ),
      ),
    ).toEqual(['relu6', 'prelu']);
    expect(topicIds(net([['identity', 2]], 'half-sse'))).toEqual([]);
  });

  it('form the last section of the worked solution, every step with its formula, in both languages', () => {
    for (const lang of ['en', 'ja'] as const) {
      const { doc } = documentOf(mixed(), lang, 'both');
      const appendix = doc.sections[doc.sections.length - 1];
      expect(appendix.id).toBe('appendix');
      expect(appendix.title).toBe(lang === 'en' ? 'Appendix: derivations' : '付録: 導出');
      const math = appendix.blocks.flatMap((b) => (b.kind === 'math' ? [b.latex] : []));
      const texts = appendix.blocks.flatMap((b) =>
        b.kind === 'paragraph' ? b.text.filter((x): x is string => typeof x === 'string') : [],
      );
      const headings = appendix.blocks.flatMap((b) => (b.kind === 'heading' ? b.text : []));
      const topics = ['leaky-relu', 'softmax-cross-entropy'].map((id) => findTopic(id)!);
      expect(headings).toEqual(topics.map((t) => (lang === 'en' ? t.title_en : t.title_ja)));
      expect(math).toEqual(topics.flatMap((t) => t.steps.map((s) => s.latex)));
      for (const t of topics)
        for (const s of t.steps)
          expect(texts.some((x) => x.endsWith(lang === 'en' ? s.text_en : s.text_ja))).toBe(true);
    }
    // softmax + cross-entropy → y − t and sigmoid′ = y(1 − y) are there.
    expect(documentMath(documentOf(mixed()).doc)).toContain('\\frac{\\partial L}{\\partial a} = y - t');
    expect(
      documentMath(documentOf(mazur()).doc).some((m) => m.includes('\\frac{dy}{dx} = y\\left(1 - y\\right)')),
    ).toBe(true);
  });

  it('is left out when the network needs none (identity and squared error)', () => {
    const { doc } = documentOf(solve(parseNetwork(net([['identity', 2]], 'half-sse'), 'n.yaml')));
    expect(doc.sections.map((s) => s.id)).not.toContain('appendix');
  });

  it('appear in Markdown, LaTeX and HTML', async () => {
    const { doc } = documentOf(mazur(), 'ja');
    const sigmoid = findTopic('sigmoid')!;
    const md = renderMarkdown(doc, { figureHref: () => 'f.svg' });
    expect(md).toContain('## 付録: 導出');
    expect(md).toContain(`### ${sigmoid.title_ja}`);
    const tex = renderLatex(doc);
    expect(tex).toContain('\\section*{付録: 導出}');
    const html = await renderHtml(doc);
    expect(html).toContain('id="sec-appendix"');
    const appendixHtml = html.slice(html.indexOf('id="sec-appendix"'));
    expect(appendixHtml.match(/class="katex"/g)!.length).toBeGreaterThanOrEqual(sigmoid.steps.length);
  });
});

describe('explain as a document', () => {
  const all = (lang: 'en' | 'ja'): WorkedDocument => topicsDocument(TOPICS, lang);

  it('has one section per topic and every formula, which KaTeX typesets in strict mode', () => {
    for (const lang of ['en', 'ja'] as const) {
      const doc = all(lang);
      expect(doc.sections.map((s) => s.id)).toEqual(TOPICS.map((t) => t.id));
      const math = documentMath(doc);
      for (const t of TOPICS) for (const s of t.steps) expect(math).toContain(s.latex);
      for (const m of math) katex.renderToString(m, { throwOnError: true, strict: 'error', displayMode: true });
    }
    expect(topicsDocument([findTopic('tanh')!], 'en').title).toBe(findTopic('tanh')!.title_en);
  });

  it('names the book in Japanese (ゼロから作るDeep Learning), never "DLfS"', () => {
    const ja = renderMarkdown(all('ja'));
    expect(ja).not.toContain('DLfS');
    expect(ja).toContain('ゼロから作るDeep Learning');
    for (const t of TOPICS) for (const s of t.steps) expect(s.text_ja).not.toContain('DLfS');
  });

  // TeX is not installed in CI; where pdflatex is, every derivation compiles and fits the page.
  const pdflatex = spawnSync('pdflatex', ['--version']).status === 0;
  it.runIf(pdflatex)(
    'compiles with pdflatex in English (all topics), plain ASCII, no overfull line',
    () => {
      const tex = renderLatex(all('en'));
      expect(tex).toMatch(/^[\x00-\x7f]*$/);
      const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-explain-'));
      try {
        writeFileSync(join(dir, 'all.tex'), tex);
        execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'all.tex'], {
          cwd: dir,
          stdio: 'pipe',
          timeout: 60_000,
        });
        expect(readFileSync(join(dir, 'all.log'), 'latin1').match(/^Overfull.*$/gm) ?? []).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});
