// The derivations as formulas and text: every formula typesets with KaTeX (throwOnError, strict),
// converts to clean terminal text, and says what the topic promises; the Japanese uses the
// glossary's terms.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import {
  TOPICS,
  findTopic,
  latexToText,
  topicListJson,
  topicListText,
  topicToJson,
  topicToText,
} from '../../src/explain';

const steps = TOPICS.flatMap((t) => t.steps.map((s, i) => [`${t.id} step ${i + 1}`, s] as const));

describe('formulas', () => {
  it.each(steps)('%s typesets with KaTeX', (_, step) => {
    expect(() =>
      katex.renderToString(step.latex, { throwOnError: true, strict: 'error', displayMode: true }),
    ).not.toThrow();
  });

  it.each(steps)('%s converts to plain text', (_, step) => {
    const text = latexToText(step.latex);
    expect(text).not.toMatch(/\\|\^\{|_\{|\{(?! )|(?<! )\}/);
    let depth = 0;
    for (const c of text) {
      depth += c === '(' ? 1 : c === ')' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it('turns the usual notation into readable symbols', () => {
    expect(latexToText('\\frac{\\partial L}{\\partial y}')).toBe('∂L/∂y');
    expect(latexToText('\\frac{\\partial L}{\\partial X} = \\frac{\\partial L}{\\partial Y} \\cdot W^{\\top}')).toBe(
      '∂L/∂X = ∂L/∂Y · Wᵀ',
    );
    expect(latexToText('y = \\frac{1}{1 + \\exp(-x)}')).toBe('y = 1/(1 + exp(−x))');
    expect(latexToText('y_{i}\\left(\\delta_{ik} - y_{k}\\right)')).toBe('y_i(δ_ik − y_k)');
    expect(latexToText('\\sum_{i=1}^{n} x_{i}^{2}')).toBe('Σ(i=1..n) x_i²');
    expect(latexToText('h(x) = \\begin{cases} x & (x > 0) \\\\ 0 & (x \\le 0) \\end{cases}')).toBe(
      'h(x) = { x (x > 0); 0 (x ≤ 0) }',
    );
    expect(latexToText('L = -\\sum_{k} t_{k} \\log y_{k}')).toBe('L = −Σ_k t_k log y_k');
  });
});

describe('topics', () => {
  it('cover what the issue asks for', () => {
    expect(TOPICS.map((t) => t.id)).toEqual([
      'chain-rule',
      'sigmoid',
      'tanh',
      'relu',
      'leaky-relu',
      'prelu',
      'relu6',
      'softmax',
      'softmax-overflow',
      'squared-error',
      'cross-entropy',
      'softmax-cross-entropy',
      'sigmoid-binary-cross-entropy',
      'affine',
      'gradient-descent',
      'l2-regularization',
      'momentum',
      'adam',
    ]);
    const latex = (id: string) =>
      findTopic(id)!
        .steps.map((s) => s.latex)
        .join('\n');
    expect(latex('sigmoid')).toContain('y\\left(1 - y\\right)');
    expect(latex('sigmoid')).toContain('\\xrightarrow{\\exp}');
    expect(latex('tanh')).toContain('1 - y^{2}');
    expect(latex('softmax')).toContain('y_{i}\\left(\\delta_{ik} - y_{k}\\right)');
    expect(latex('softmax')).toContain('\\exp(a_{k} - C)');
    expect(latex('cross-entropy')).toContain('-\\frac{t_{k}}{y_{k}}');
    expect(latex('softmax-cross-entropy')).toContain('= y - t');
    expect(latex('affine')).toContain('\\frac{\\partial L}{\\partial Y} \\cdot W^{\\top}');
    expect(latex('affine')).toContain('X^{\\top} \\cdot \\frac{\\partial L}{\\partial Y}');
    expect(latex('affine')).toContain('\\sum_{n} \\frac{\\partial L}{\\partial Y_{nm}}');
    expect(latex('chain-rule')).toContain(
      '\\frac{\\partial z}{\\partial u} \\frac{\\partial u}{\\partial x} + \\frac{\\partial z}{\\partial v} \\frac{\\partial v}{\\partial x}',
    );
    expect(latex('chain-rule')).toContain(
      '\\sum_{i=1}^{n} \\frac{\\partial z}{\\partial u_{i}} \\frac{\\partial u_{i}}{\\partial x_{k}}',
    );
    for (const id of ['relu', 'leaky-relu', 'relu6'])
      expect(findTopic(id)!.steps.some((s) => s.checks?.some((c) => 'kink' in c))).toBe(true);
  });

  it('are found case-insensitively, and unknown ones are not', () => {
    expect(findTopic('SoftMax')?.id).toBe('softmax');
    expect(findTopic('softplus')).toBeUndefined();
  });

  it('have Japanese text with the glossary terms', () => {
    for (const topic of TOPICS) {
      expect(topic.title_ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      for (const step of topic.steps) expect(step.text_ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    const ja = (id: string) =>
      findTopic(id)!
        .steps.map((s) => s.text_ja)
        .join('') + findTopic(id)!.title_ja;
    expect(ja('sigmoid')).toContain('計算グラフ');
    expect(ja('sigmoid')).toContain('逆伝播');
    expect(ja('chain-rule')).toContain('連鎖律');
    expect(ja('chain-rule')).toContain('乗算ノード');
    expect(ja('chain-rule')).toContain('加算ノード');
    expect(ja('softmax')).toContain('ソフトマックス関数');
    expect(ja('cross-entropy')).toContain('交差エントロピー誤差');
    expect(ja('cross-entropy')).toContain('one-hot表現');
    expect(ja('affine')).toContain('転置');
    expect(ja('affine')).toContain('行列の積');
    expect(ja('affine')).toContain('Affineレイヤ');
    expect(ja('tanh')).toContain('双曲線正接関数');
    expect(ja('relu')).toContain('ReLU関数');
  });
});

describe('text and JSON output', () => {
  it('numbers the steps and puts each formula under its sentence', () => {
    const text = topicToText(findTopic('tanh')!, 'en');
    const lines = text.split('\n');
    expect(lines[0]).toBe('tanh: dy/dx = 1 − y²');
    expect(text).toContain(' 4. Backward pass: multiply the upstream gradient by 1 − y²');
    expect(text).toContain('        ∂L/∂x = ∂L/∂y (1 − y²)\n');
    expect(text.match(/^ ?\d+\. /gm)).toHaveLength(findTopic('tanh')!.steps.length);
  });
  it('speaks Japanese with lang ja', () => {
    const text = topicToText(findTopic('chain-rule')!, 'ja');
    expect(text.split('\n')[0]).toBe('連鎖律 (1変数・2変数・多変数)');
    expect(text).toContain('元にした資料');
  });
  it('lists the topics', () => {
    const list = topicListText(TOPICS, 'en');
    for (const t of TOPICS)
      expect(list).toMatch(new RegExp(`^  ${t.id} +${t.title_en.replace(/[()|[\]\\.*+?^$]/g, '\\$&')}$`, 'm'));
    expect(topicListJson(TOPICS, 'ja')[0]).toEqual({ id: 'chain-rule', title: '連鎖律 (1変数・2変数・多変数)' });
  });
  it('gives JSON with the chosen language', () => {
    const json = topicToJson(findTopic('relu')!, 'ja');
    expect(Object.keys(json)).toEqual(['id', 'title', 'steps']);
    expect(json.steps[0]).toEqual({
      role: 'definition',
      text: findTopic('relu')!.steps[0].text_ja,
      latex: findTopic('relu')!.steps[0].latex,
    });
  });
});
