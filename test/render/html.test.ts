// The HTML renderer without a browser: self-contained (no URL but data:), KaTeX fonts embedded only
// for the families the math uses, one element per trace step carrying the step's quantity, layer and
// index, Mazur's published numbers in the right steps, and every user-supplied string escaped.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderHtml, renderHtmlFragment } from '../../src/render/html';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { candidateClasses, inlineKatexCss, occurringNames, usedFontFamilies } from '../../src/render/katex-css';
import type { Step } from '../../src/trace/types';
import { documentOf, mazur, mixed } from './helpers';

let html: string;
let steps: Step[];

beforeAll(async () => {
  const d = documentOf(mazur(), 'en', 'both', 'mazur.yaml');
  steps = d.steps;
  html = await renderHtml(d.doc);
});

/** The HTML of one step element, found by its data attributes. */
function stepHtml(page: string, form: string, quantity: string, layer: string, index: string): string {
  const marker = `data-quantity="${quantity}" data-form="${form}" data-layer="${layer}" data-index="${index}"`;
  const start = page.indexOf(marker);
  if (start < 0) throw new Error(`no step ${form} ${quantity} ${layer} ${index}`);
  const end = page.indexOf('<div class="step"', start);
  return page.slice(start, end < 0 ? undefined : end);
}

/** Visible text of some KaTeX HTML: tags removed, entities and zero-width spaces dropped. */
function text(fragment: string, separator = ''): string {
  return fragment
    .replace(/<[^>]*>/g, separator)
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/[\u200b]/g, '');
}

const decimals = (t: string) => [...t.replace(/\u2212/g, '-').matchAll(/-?\d+\.\d+/g)].map((m) => Number(m[0]));

describe('a self-contained file', () => {
  it('loads nothing from anywhere: no http(s) URL, no external script, stylesheet or image', () => {
    // (The only http: text is the SVG namespace name, which is not fetched.)
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link\b/);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<img[^>]+src="(?!data:)/);
    expect(html).not.toMatch(/@import/);
    for (const m of html.matchAll(/url\(([^)]*)\)/g))
      expect(m[1].startsWith('data:') || m[1].startsWith('#')).toBe(true);
  });

  it('embeds KaTeX fonts as woff2 data: URLs, only the families the math uses', () => {
    const faces = [...html.matchAll(/@font-face\{[^}]*\}/g)].map((m) => m[0]);
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces)
      expect(face).toMatch(/src:url\(data:font\/woff2;base64,[A-Za-z0-9+/=]+\) format\("woff2"\)/);
    const families = new Set(faces.map((f) => /font-family:"?(\w+)"?/.exec(f)![1]));
    // Italic letters, digits and operators, big parentheses of matrices and fractions are used…
    for (const f of ['KaTeX_Main', 'KaTeX_Math', 'KaTeX_Size1']) expect(families).toContain(f);
    // … blackboard, script and Fraktur letters are not.
    for (const f of ['KaTeX_Fraktur', 'KaTeX_Script', 'KaTeX_Caligraphic', 'KaTeX_Typewriter'])
      expect(families).not.toContain(f);
  });

  it('chooses font families by the classes in the HTML', () => {
    const css =
      '.katex .mathnormal{font-family:KaTeX_Math}.katex .mathfrak{font-family:KaTeX_Fraktur}.delimsizing.size1{font-family:KaTeX_Size1}';
    expect([...usedFontFamilies(css, new Set(['katex', 'mathnormal']))].sort()).toEqual(['KaTeX_Main', 'KaTeX_Math']);
    expect(usedFontFamilies(css, new Set(['delimsizing']))).not.toContain('KaTeX_Size1');
    expect(usedFontFamilies(css, new Set(['delimsizing', 'size1']))).toContain('KaTeX_Size1');
  });

  it('finds the candidate classes in one pass exactly as a substring test per name would', () => {
    const css = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');
    const names = candidateClasses(css);
    expect(names).toEqual(expect.arrayContaining(['mathnormal', 'delimsizing', 'size1', 'mathbb']));
    expect(occurringNames(html, names)).toEqual(new Set(names.filter((n) => html.includes(n))));
    // Overlapping and nested names: "ab" inside "xabc", "a" a prefix of "ab", "bc" overlapping "ab".
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[abc-]{1,3}$/), { minLength: 1, maxLength: 6 }),
        fc.stringMatching(/^[abcx-]{0,30}$/),
        (ns, text) => {
          expect(occurringNames(text, ns)).toEqual(new Set(ns.filter((n) => text.includes(n))));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is printable: A4 pages, a page break before each section, steps kept whole', () => {
    expect(html).toContain('@page { size: A4');
    expect(html).toMatch(/@media print \{[\s\S]*section \{[^}]*break-before: page/);
    expect(html).toMatch(/\.step, figure, \.math, tr \{ break-inside: avoid; \}/);
  });

  it('prints a section that does not start a page straight after the one before', async () => {
    const section = (id: string, newPage?: boolean) => ({
      id,
      title: id,
      blocks: [],
      ...(newPage === undefined ? {} : { newPage }),
    });
    const page = await renderHtml({
      lang: 'en',
      title: 't',
      subtitle: null,
      sections: [section('a'), section('b', false), section('c')],
    });
    expect(page).toContain('<section id="sec-a"><h2>');
    expect(page).toContain('<section id="sec-b" class="run-on"><h2>');
    expect(page).toContain('<section id="sec-c"><h2>');
    expect(page).toMatch(/@media print \{[\s\S]*section\.run-on \{ break-before: auto;/);
    expect(html).not.toContain('run-on"');
  });
});

describe("every step, with the engine's numbers", () => {
  it('has one element per trace step, with its quantity, form, layer and index', () => {
    const elements = [
      ...html.matchAll(
        /<div class="step" id="step-[^"]+" data-quantity="([^"]*)" data-form="([^"]*)" data-layer="([^"]*)" data-index="([^"]*)"/g,
      ),
    ];
    expect(elements.map((m) => m.slice(1, 5).join('|')).sort()).toEqual(
      steps.map((s) => [s.quantity, s.form, s.layer ?? '', s.index.join(',')].join('|')).sort(),
    );
  });

  it("shows Mazur's published values in the steps that compute them", () => {
    const published: [string, string, string, string, number][] = [
      ['scalar', 'output', '0', '0,0', 0.593269992], // out_h1
      ['scalar', 'output', '1', '0,0', 0.75136507], // out_o1
      ['scalar', 'loss', '', '', 0.298371109], // E_total
      ['scalar', 'delta', '1', '0,0', 0.138498562], // δ_o1
      ['scalar', 'grad_weights', '1', '0,0', 0.082167041], // ∂E/∂w5
      ['scalar', 'grad_output', '0', '0,0', 0.036350306], // ∂E/∂out_h1
      ['scalar', 'grad_weights', '0', '0,0', 0.000438568], // ∂E/∂w1
      ['scalar', 'weights_after', '1', '0,0', 0.35891648], // w5+
      ['scalar', 'weights_after', '0', '1,1', 0.29950229], // w4+
      ['matrix', 'weights_after', '1', '', 0.561370121], // w8+ in W^{(2)+}
    ];
    for (const [form, quantity, layer, index, value] of published) {
      // Tags become spaces, so that the cells of a matrix stay apart.
      const shown = decimals(text(stepHtml(html, form, quantity, layer, index), ' '));
      expect(
        shown.some((x) => Math.abs(x - value) < 1e-8),
        `${quantity} ${layer} ${index}: ${shown.join(' ')}`,
      ).toBe(true);
    }
  });

  it('typesets every formula (no KaTeX error) and shows the negative delta as −0.03809823652', () => {
    expect(html).not.toContain('katex-error');
    expect(text(stepHtml(html, 'scalar', 'delta', '1', '0,1'))).toContain('\u22120.03809823652');
  });

  it("renders the network diagram with the engine's values", () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)![0];
    expect(svg).toContain('a = 0.3775');
    expect(svg).toContain('z = 0.5933');
    expect(svg).toContain('t₂ = 0.99');
    expect(svg).toContain('0.08217'); // ∂L/∂w5 on its edge
  });
});

describe('escaping', () => {
  it('escapes the file name in the title, the headings and the diagram', async () => {
    const evil = '<img src=x onerror=alert(1)> & "quotes" \'x\'.yaml';
    const page = await renderHtml(documentOf(mixed(), 'en', 'both', evil).doc);
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot; &#39;x&#39;.yaml');
  });

  it("renders the Japanese document with the glossary's words", async () => {
    const page = await renderHtml(documentOf(mixed(), 'ja').doc);
    expect(page).toContain('<html lang="ja">');
    for (const word of [
      '順伝播',
      '逆伝播',
      '連鎖律',
      '損失関数',
      '勾配',
      '重み',
      'バイアス',
      '活性化関数',
      'ソフトマックス関数',
      '交差エントロピー誤差',
      '学習率',
    ]) {
      expect(page).toContain(word);
    }
  });
});

describe('formulas typeset once per process', () => {
  it('a document renders the same after others as in a fresh process', async () => {
    const doc = documentOf(mazur(), 'en', 'both', 'mazur.yaml').doc;
    const other = documentOf(mixed(), 'ja', 'both', 'mixed.yaml').doc;
    const shared = await import('../../src/render/html');
    await shared.renderHtml(other);
    await shared.renderHtmlFragment(doc);
    const afterOthers = await shared.renderHtml(doc);
    vi.resetModules();
    const fresh = await import('../../src/render/html');
    expect(fresh).not.toBe(shared);
    expect(afterOthers).toBe(await fresh.renderHtml(doc));
  });

  it('HTML and MathML of the same formula are kept apart', async () => {
    const doc = documentOf(mazur(), 'en', 'both', 'mazur.yaml').doc;
    await renderHtml(doc);
    const fragment = await renderHtmlFragment(doc);
    expect(fragment).toContain('<math');
    expect(fragment).not.toContain('katex-html');
    expect(html).toContain('katex-html');
    expect(html).not.toContain('<math');
  });
});

describe('fonts chosen from each distinct formula once', () => {
  it('embeds what a look at the whole finished page chooses', async () => {
    const pages = [html, await renderHtml(documentOf(mixed(), 'ja', 'both', 'mixed.yaml').doc)];
    for (const page of pages) {
      const body = page.slice(page.indexOf('<body>\n') + 7, page.lastIndexOf('\n<script>'));
      const style = page.slice(page.indexOf('<style>') + 7, page.indexOf('</style>'));
      expect(body).toContain('class="katex"');
      expect(body).not.toContain('\u0000');
      expect(style).toBe(inlineKatexCss(body));
    }
  });
});
