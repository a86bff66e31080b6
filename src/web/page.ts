// A practice page: one self-contained HTML file holding the exercises (as `exercise --format json`
// prints them), an input per ask, and the bundled browser script that grades them with the same
// parser and grader as `check`. A Content-Security-Policy forbids every fetch; only the page's own
// script (by its hash) and inline styles run, so it works from file:// and offline.
import { createHash } from 'node:crypto';
import type { Exercise } from '../exercises/types';
import { escapeHtml } from '../text/escape';
import { pick, text, type Lang } from '../text/lang';

export interface PracticeOptions {
  readonly lang: Lang;
  /** The browser bundle (dist/web/practice.js), inlined into the page. */
  readonly script: string;
  readonly title?: string;
}

const WORDS = {
  title: text('Backpropagation practice', '誤差逆伝播法の練習'),
  holdsAnswers: text(
    'This page holds its answers (it grades them in the browser): use it for practice and homework, not for exams.',
    'このページは解答を含んでいます（ブラウザーの中で採点します）。練習と宿題に使い、試験には使わないでください。',
  ),
  howTo: text('Type an answer and press Enter to have it checked.', '解答を入力して Enter キーを押すと採点されます。'),
  question: (n: number) => text(`Question ${n}`, `問題 ${n}`),
  hint: text('Hint', 'ヒント'),
};

const CSS = `
:root { color-scheme: light; }
body { font: 16px/1.5 "DejaVu Sans", "Noto Sans", "Noto Sans CJK JP", "IPAPGothic", system-ui, sans-serif;
  color: #1b2333; max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem; }
pre.prompt { white-space: pre-wrap; overflow-wrap: anywhere; font: inherit; background: #f8fafc; padding: .5rem .7rem; }
.ask { margin: .6rem 0; }
.ask label { font-weight: 600; margin-right: .5rem; }
.ask input { font: inherit; width: min(22rem, 100%); box-sizing: border-box; padding: .2rem .4rem; }
[data-result] { display: block; margin-top: .2rem; }
[data-status="correct"] { color: #1a6b2f; }
[data-status="incorrect"] { color: #9b1c1c; }
[data-status="invalid"] { color: #7a4b00; }
.note { color: #4a5568; }
@media print { body { margin: 0; max-width: none; } [data-result], details { display: none; } }
`;

/** JSON inside <script>: `<` escaped, so no text in an exercise can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function question(exercise: Exercise, n: number, lang: Lang): string {
  const asks = exercise.asks
    .map((ask) => {
      const id = `q${n}-${ask.id}`;
      const hints = exercise.hints[ask.id] ?? [];
      const hintList =
        hints.length === 0
          ? ''
          : `<details><summary>${escapeHtml(pick(WORDS.hint, lang))}</summary><ol>${hints
              .map((h) => `<li>${escapeHtml(h)}</li>`)
              .join('')}</ol></details>`;
      return (
        `<div class="ask"><label for="${id}">${escapeHtml(ask.id)}</label>` +
        `<input id="${id}" type="text" autocomplete="off" spellcheck="false" data-question="${n}" data-ask="${escapeHtml(ask.id)}" aria-describedby="${id}-result">` +
        `<output id="${id}-result" data-result data-question="${n}" data-ask="${escapeHtml(ask.id)}" aria-live="polite"></output>${hintList}</div>`
      );
    })
    .join('\n');
  return `<section><h2>${escapeHtml(pick(WORDS.question(n), lang))}</h2><pre class="prompt">${escapeHtml(exercise.prompt)}</pre>\n${asks}</section>`;
}

/** The whole page for these exercises, questions numbered from 1 in the given order. */
export function practicePage(exercises: readonly Exercise[], options: PracticeOptions): string {
  const { lang, script } = options;
  const title = options.title ?? pick(WORDS.title, lang);
  const hash = createHash('sha256').update(script).digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1><p class="note">${escapeHtml(pick(WORDS.holdsAnswers, lang))}</p><p>${escapeHtml(pick(WORDS.howTo, lang))}</p></header>`,
    `<main>${exercises.map((e, i) => question(e, i + 1, lang)).join('\n')}</main>`,
  ].join('\n');
  return (
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n` +
    `<script type="application/json" id="exercises">${scriptJson(exercises)}</script>\n` +
    `<script>${script}</script>\n</body>\n</html>\n`
  );
}
