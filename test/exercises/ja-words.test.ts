// Japanese exercise words as the worked solutions and the grader write them: unit, sample, row and
// column numbers next to their words (ユニット2、サンプル1、2行1列, as the step titles and feedback
// say), and hints that state the setting at a kink instead of pointing at "the convention".
import { describe, expect, it } from 'vitest';
import { TEMPLATES, generateExercise } from '../../src/exercises';

describe('Japanese labels and hints', () => {
  it('numbers sit next to ユニット, サンプル, 行 and 列 in every template’s labels', () => {
    const spaced: string[] = [];
    for (const template of TEMPLATES)
      for (const difficulty of [1, 2, 3] as const)
        for (const seed of [1, 2, 3]) {
          const ex = generateExercise({ template: template.name, difficulty, seed, lang: 'ja' });
          const labels = ex.prompt.split('\n').filter((line) => /^ {2}a\d+: /.test(line));
          for (const line of labels)
            if (/ユニット \d|サンプル \d|\d 行 \d+ 列/.test(line))
              spaced.push(`${template.name} -d ${difficulty}: ${line}`);
        }
    expect(spaced.slice(0, 5)).toEqual([]);
  });

  it('hidden-weight-grad: 2行1列 and ユニット1, as the grader names cells', () => {
    // Difficulty 2, seed 3: the asked cells are [2,1] and [2,2] of W¹ (x-w layout).
    const ex = generateExercise({ template: 'hidden-weight-grad', difficulty: 2, seed: 3, lang: 'ja' });
    expect(ex.prompt).toContain('2行1列: 入力 x₂ からユニット1への重み');
  });

  it.each([
    ['0', 'the left derivative', '左微分'],
    ['1', 'the right derivative', '右微分'],
  ])('the hint at a = 0 with relu_grad_at_zero %s names %s', (convention, en, ja) => {
    let found = 0;
    for (let seed = 1; seed <= 30 && found < 1; seed++) {
      const exEn = generateExercise({ template: 'activation-derivative', difficulty: 2, seed });
      const network = exEn.network as { conventions?: { relu_grad_at_zero?: string } };
      if (network.conventions?.relu_grad_at_zero !== convention) continue;
      const exJa = generateExercise({ template: 'activation-derivative', difficulty: 2, seed, lang: 'ja' });
      const atZero = Object.keys(exEn.hints).filter((id) => exEn.hints[id].some((h) => h.startsWith('a = 0:')));
      expect(atZero.length).toBe(1);
      const id = atZero[0];
      expect(exEn.hints[id]).toContain(`a = 0: this exercise takes ${en}`);
      expect(exJa.hints[id]).toContain(`a = 0: この問題では${ja}をとる`);
      expect(JSON.stringify(exJa.hints)).not.toMatch(/約束|convention/);
      found++;
    }
    expect(found).toBe(1);
  });
});
