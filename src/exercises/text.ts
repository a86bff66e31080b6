// Words in two languages. Every user-visible string of an exercise is a Text, picked by --lang.
import type { Lang } from './types';

export type Text = Readonly<Record<Lang, string>>;

export const t = (en: string, ja: string): Text => ({ en, ja });

/** 1 → ¹, 12 → ¹²: layer numbers as superscripts, as the lecture deck writes W^l. */
export function sup(n: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(n)
    .split('')
    .map((c) => digits[Number(c)])
    .join('');
}

/** 1 → ₁: unit numbers as subscripts. */
export function sub(n: number): string {
  const digits = '₀₁₂₃₄₅₆₇₈₉';
  return String(n)
    .split('')
    .map((c) => digits[Number(c)])
    .join('');
}
