// The terminal tables of `solve --format text`, in both languages.
import { describe, expect, it } from 'vitest';
import { loadNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { solutionToText } from '../../src/render/text';

const mazur = solve(loadNetwork('exercises/networks/mazur.yaml'));

describe('solutionToText', () => {
  it('shows exact fractions and Mazur’s decimals side by side', () => {
    const text = solutionToText(mazur);
    expect(text).toContain('151/400 = 0.3775'); // net_h1 = 0.15·0.05 + 0.2·0.1 + 0.35
    expect(text).toContain('σ(151/400) ≈ 0.5932699921'); // out_h1 = 0.593269992
    expect(text).toContain('≈ 0.3589164797'); // w5+ = 0.35891648
    expect(text).toContain('Loss L: ≈ 0.2983711088'); // E_total = 0.298371109
    expect(text).toContain('Loss after one update: ≈ 0.2910277737');
  });

  it('speaks Japanese with the glossary terms for --lang ja, numbers unchanged', () => {
    const ja = solutionToText(mazur, 'ja');
    for (const term of [
      '損失',
      '中間層',
      '出力層',
      'シグモイド関数',
      '重みの勾配',
      'バイアスの勾配',
      'デルタ',
      '学習率',
    ]) {
      expect(ja).toContain(term);
    }
    expect(ja).not.toMatch(/\b(Layer|Loss|sample|hidden)\b/);
    const numbers = (s: string) => s.match(/-?\d+(\.\d+)?(\/\d+)?/g)?.filter((n) => n.includes('.') || n.includes('/'));
    expect(numbers(ja)).toEqual(numbers(solutionToText(mazur, 'en')));
  });
});
