// The words around an update name the rule the network file asks for: a momentum or Adam solution
// never says "W − η·∂L/∂W" or "one gradient-descent update", and several steps are said as several.
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { train } from '../../src/engine/train';
import { solutionToText } from '../../src/render/text';
import { networkDocument, trainingDocument } from '../../src/render/worked';
import type { Lang } from '../../src/i18n/messages';

const file = (name: string) => `exercises/networks/${name}.yaml`;
const titles = (name: string, lang: Lang) => {
  const doc = trainingDocument(train(loadNetwork(file(name))), { lang, name: `${name}.yaml` });
  return { subtitle: doc.subtitle?.join(''), sections: doc.sections.map((s) => s.title) };
};

describe('the update rule in the words of a solution', () => {
  it('gradient descent (Mazur): one update, W − η·∂L/∂W, in both languages', () => {
    const mazur = solve(loadNetwork(file('mazur')));
    expect(solutionToText(mazur)).toContain('W after the update (W − η·∂L/∂W)');
    expect(solutionToText(mazur, 'ja')).toContain('更新後の重み W − η·∂L/∂W');
    const doc = networkDocument(mazur, { lang: 'en', name: 'mazur.yaml' });
    expect(doc.subtitle?.join('')).toContain('one gradient-descent update and the loss after it');
    expect(doc.sections.map((s) => s.title)).toContain('Parameter update (gradient descent)');
  });

  it('momentum: W + v with v = μv − η·∂L/∂W, two steps, and the section names momentum', () => {
    const text = solutionToText(solve(loadNetwork(file('momentum'))));
    expect(text).toContain('W after the update (W + v, v = μv − η·∂L/∂W)');
    expect(text).toContain('b after the update (b + v, v = μv − η·∂L/∂b)');
    expect(text).not.toContain('W − η·∂L/∂W)');
    const en = titles('momentum', 'en');
    expect(en.subtitle).toContain('2 steps, each a forward pass, the backward pass, one momentum update');
    expect(en.sections).toContain('Step 1 of 2 (row 1): Parameter update (momentum)');
    const ja = titles('momentum', 'ja');
    expect(ja.subtitle).toContain('2ステップ');
    expect(ja.subtitle).toContain('モーメンタムによる更新');
    expect(ja.sections.some((t) => t.includes('パラメータの更新（モーメンタム）'))).toBe(true);
  });

  it('Adam: W − η·m̂/(√v̂ + ε), and the section names Adam', () => {
    const text = solutionToText(solve(loadNetwork(file('adam'))), 'ja');
    expect(text).toContain('更新後の重み W − η·m̂/(√v̂ + ε)');
    expect(text).not.toContain('W − η·∂L/∂W');
    const en = titles('adam', 'en');
    expect(en.subtitle).toContain('one Adam update');
    expect(en.sections).toContain('Step 1 of 2 (row 1): Parameter update (Adam)');
    expect(en.sections.some((t) => t.includes('gradient descent'))).toBe(false);
  });
});
