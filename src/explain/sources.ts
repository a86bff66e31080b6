// The seed notes a derivation follows, named by what they are (the topics keep short ids).
import type { Lang } from './types';

const NAMES: Readonly<Record<string, { readonly en: string; readonly ja: string }>> = {
  '000': {
    en: 'the sigmoid-layer derivation (Deep Learning from Scratch 5.5.2)',
    ja: 'シグモイドレイヤの導出（『ゼロから作るDeep Learning』5.5.2）',
  },
  '001': { en: 'the E-shikaku notes', ja: 'E資格のノート' },
  '002': { en: 'the lecture slides', ja: '講義スライド' },
  '003': { en: 'the Deep Learning from Scratch 2 summary', ja: '『ゼロから作るDeep Learning ❷』のまとめ' },
  '004': { en: 'the layer-code notes', ja: 'レイヤのコードのノート' },
  coursera: { en: "Coursera's Machine Learning course (ex4)", ja: 'Coursera の機械学習講座（ex4）' },
  cs231n: { en: 'the CS231n notes (Stanford)', ja: 'CS231n の講義ノート（スタンフォード大学）' },
  kingma: { en: 'Kingma & Ba, "Adam" (2015)', ja: 'Kingma & Ba「Adam」（2015）' },
};

/** "the E-shikaku notes, the layer-code notes" / 「E資格のノート、レイヤのコードのノート」. */
export function sourceNames(ids: readonly string[], lang: Lang): string {
  return ids.map((id) => NAMES[id]?.[lang] ?? id).join(lang === 'ja' ? '、' : ', ');
}
