// Plain text made safe for each output format: HTML/XML, LaTeX text mode, Markdown and the terminal.
// Text taken from a user's file or a student's answer goes through one of these before it is printed.
import type { Lang } from './lang';

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text for XML (SVG) element content and quoted attributes. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!);
}

/** Text for HTML element content and quoted attributes (the same five entities as XML). */
export const escapeHtml = escapeXml;

/** Escapes Markdown's special characters (and $, which would start math) in plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]{}<>#$|~])/g, '\\$1').replace(/\n/g, ' ');
}

/** Text-mode replacements for the few non-ASCII symbols our English words use (pdflatex). */
const TEXT_SYMBOLS: Readonly<Record<string, string>> = {
  '⊙': '$\\odot$',
  δ: '$\\delta$',
  σ: '$\\sigma$',
  α: '$\\alpha$',
  η: '$\\eta$',
  '≈': '$\\approx$',
  '−': '$-$',
  '×': '$\\times$',
  '→': '$\\to$',
  '∂': '$\\partial$',
  // The derivations' sentences (explain, and the appendix of a worked solution).
  Σ: '$\\Sigma$',
  '≤': '$\\le$',
  '≥': '$\\ge$',
  '≠': '$\\ne$',
  '·': '$\\cdot$',
  '…': '\\ldots{}',
  '′': "$'$",
  '²': '\\textsuperscript{2}',
  '³': '\\textsuperscript{3}',
  ᵀ: '\\textsuperscript{T}',
  // Regularization and the optimizers.
  λ: '$\\lambda$',
  μ: '$\\mu$',
  β: '$\\beta$',
  ε: '$\\epsilon$',
  '∈': '$\\in$',
  '√': '$\\surd$',
  '±': '$\\pm$',
  '½': '$\\frac{1}{2}$',
  '‖': '$\\|$',
  '←': '$\\leftarrow$',
  '₀': '$_0$',
  '₁': '$_1$',
  '₂': '$_2$',
  '₃': '$_3$',
  '₄': '$_4$',
  ᵗ: '\\textsuperscript{t}',
  '⁺': '\\textsuperscript{+}',
  '⁻': '\\textsuperscript{$-$}',
  '⁰': '\\textsuperscript{0}',
  '⁸': '\\textsuperscript{8}',
  '’': "'",
  '—': '---',
  '–': '--',
};

const SPECIAL: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  $: '\\$',
  '&': '\\&',
  '#': '\\#',
  '^': '\\textasciicircum{}',
  _: '\\_',
  '%': '\\%',
  '~': '\\textasciitilde{}',
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Plain text for LaTeX's text mode: its special characters as commands, and for pdflatex (English) the
 * few non-ASCII symbols our words use. */
export function escapeLatex(text: string, lang: Lang): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    // A letter with a combining circumflex (m̂): \^{m} for pdflatex.
    if (lang === 'en' && chars[i + 1] === '\u0302') {
      out += `\\^{${ch}}`;
      i++;
    } else if (SPECIAL[ch] !== undefined) out += SPECIAL[ch];
    // LuaLaTeX with Japanese fonts sets these characters itself.
    else if (lang === 'en' && TEXT_SYMBOLS[ch] !== undefined) out += TEXT_SYMBOLS[ch];
    else out += ch;
  }
  return out;
}

/**
 * Untrusted text for a terminal: every control, format (bidi override), surrogate, private-use,
 * unassigned or line/paragraph-separator character, and each character of `alsoEscape`, becomes
 * U+XXXX, so the text can neither move the cursor nor reorder the line it is printed in.
 */
export function escapeTerminal(text: string, alsoEscape = ''): string {
  let out = '';
  for (const ch of text) {
    const invisible = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]/u.test(ch) || alsoEscape.includes(ch);
    out += invisible ? `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : ch;
  }
  return out;
}

/** How many characters of an untrusted string a message echoes before it cuts with "…". */
export const ECHO_MAX = 80;

/**
 * Untrusted text echoed inside one of our lines (a key or a value from a file, a name, an answer):
 * escaped for a terminal (a newline, an ANSI escape or a bidi override shows as U+XXXX, as does each
 * character of `alsoEscape`) and cut after `max` characters, with "…". Every echo goes through here.
 */
export function echo(text: string, max = ECHO_MAX, alsoEscape = ''): string {
  let head = '';
  let count = 0;
  for (const ch of text) {
    if (count === max) return `${escapeTerminal(head, alsoEscape)}…`;
    head += ch;
    count++;
  }
  return escapeTerminal(head, alsoEscape);
}

/** An untrusted string in double quotes, echoed (escaped and cut) as `echo` does; " and \ inside show as U+XXXX. */
export function quoted(text: string, max = ECHO_MAX): string {
  return `"${echo(text, max, '"\\')}"`;
}
