// The prompt on the practice page: stated values typeset, every word of the exercise's text kept.
// For every template and difficulty, the text a screen reader gets (the page without its typeset,
// aria-hidden copies) is the prompt itself without the asks' lines, and KaTeX accepts every formula.
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../../src/exercises/generate';
import { TEMPLATES } from '../../src/exercises/templates/index';
import { practiceQuestions } from '../../src/web/content';
import { cellLatex, nameLatex, promptHtml } from '../../src/web/prompt';

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of the prompt's HTML as read aloud: typeset copies (aria-hidden) left out, a line per line. */
function spoken(html: string): string[] {
  return html
    .replace(/<span aria-hidden="true">.*?<\/span><\/div>/g, '</div>')
    .split('</div>')
    .map((line) => unescapeHtml(line.replace(/<[^>]*>/g, '')).trim())
    .filter((line) => line !== '');
}

describe('the practice prompt', () => {
  it('names and cells: what is understood is typeset, anything else is left alone', () => {
    expect(nameLatex('W¹')).toBe('W^{1}');
    expect(nameLatex('Δ²')).toBe('\\Delta^{2}');
    expect(nameLatex('Xᵀ')).toBe('X^{\\top}');
    expect(nameLatex('η')).toBe('\\eta');
    expect(nameLatex('all_price')).toBeNull();
    expect(cellLatex('-3/20')).toBe('-\\frac{3}{20}');
    expect(cellLatex('0.25')).toBe('0.25');
    expect(cellLatex('σ(1/2)')).toBeNull();
    const math = (latex: string) => `<m>${latex}</m>`;
    expect(promptHtml('  W¹ = [ 0.5  -1 ]\n       [   2  1/3 ]\nInput x = (0.6, 0.4)\nη = 0.1 <b>', math)).toBe(
      '<div class="line math" style="padding-left:2ch"><span class="sr-only">W¹ = [ 0.5  -1 ] [   2  1/3 ]</span><span aria-hidden="true"><m>W^{1} = \\begin{bmatrix} 0.5 & -1 \\\\ 2 & \\frac{1}{3} \\end{bmatrix}</m></span></div>' +
        '<div class="line math"><span class="sr-only">Input x = (0.6, 0.4)</span><span aria-hidden="true">Input <m>x = (0.6, 0.4)</m></span></div>' +
        '<div class="line">η = 0.1 &lt;b&gt;</div>',
    );
  });

  it('keeps every line of every template (all difficulties, en and ja) and typesets with KaTeX', async () => {
    let typeset = 0;
    for (const template of TEMPLATES)
      for (const difficulty of [1, 2, 3] as const)
        for (const lang of ['en', 'ja'] as const) {
          const exercise = generateExercise({ template: template.name, difficulty, seed: 17, lang });
          const [q] = await practiceQuestions([exercise], lang);
          const askLines = new Set(exercise.asks.map((a) => a.id));
          const expected = exercise.prompt
            .split('\n')
            .filter((l) => !askLines.has(/^\s+([\w-]+): /.exec(l)?.[1] ?? ''))
            .map((l) => l.trim())
            .filter((l) => l !== '');
          // Rows of a typeset matrix are read as one line: join them the same way.
          const said = spoken(q.promptHtml);
          expect(said.join(' ').replace(/\s+/g, ' '), `${template.name} ${difficulty} ${lang}`).toBe(
            expected.join(' ').replace(/\s+/g, ' '),
          );
          typeset += (q.promptHtml.match(/class="katex"/g) ?? []).length;
        }
    expect(typeset).toBeGreaterThan(100);
  });
});
