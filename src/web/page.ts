// A practice page: one self-contained HTML file holding the exercises (as `exercise --format json`
// prints them), an input per ask, the hints and the worked steps (typeset with KaTeX here, fonts
// embedded), and the bundled browser script that grades with the same parser and grader as `check`.
// A Content-Security-Policy forbids every fetch; only the page's own script (by its hash) and inline
// styles run, so it works from file:// and offline.
import { createHash } from 'node:crypto';
import { inlineKatexCss } from '../render/katex-css';
import { escapeHtml } from '../text/escape';
import { pick, type Lang } from '../text/lang';
import type { PracticeAsk, PracticeQuestion } from './content';
import { DRAWN_TEXT_CSS } from './drawn-text';
import { scriptWords, WORDS } from './words';

export interface PracticeOptions {
  readonly lang: Lang;
  /** The browser bundle (dist/web/practice.js), inlined into the page. */
  readonly script: string;
  readonly title?: string;
  /** A page made for one student of a class: the id goes into the exported CSV. */
  readonly student?: { readonly id: string; readonly name: string };
  /** The page runs inside a SCORM 1.2 package: report the score to the LMS's API when there is one. */
  readonly scorm?: boolean;
  readonly version?: string;
}

const CSS = `
:root { color-scheme: light; }
body { font: 16px/1.5 "DejaVu Sans", "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic", Meiryo, "IPAPGothic", system-ui, sans-serif;
  color: #1b2333; background: #fff; max-width: 50rem; margin: 1.5rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; overflow-wrap: anywhere; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .2rem; border-bottom: 2px solid #c9d3e3; }
h3 { font-size: 1rem; margin: .6rem 0 .3rem; }
.prompt { background: #f4f6fa; padding: .5rem .7rem; margin: .5rem 0; overflow-wrap: anywhere; }
.prompt .line.math { overflow-x: auto; overflow-y: hidden; padding-top: .15rem; padding-bottom: .15rem; }
.prompt .gap { height: .6rem; }
${DRAWN_TEXT_CSS}
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: -1px; padding: 0; border: 0; }
.note { color: #3d4759; }
.tools { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem .7rem; background: #f4f6fa; margin: 1rem 0; }
.tools label { font-weight: 600; }
#score { font-weight: 600; margin: 0; }
.ask { margin: .9rem 0; padding: .4rem 0 .4rem .7rem; border-left: 3px solid #c9d3e3; }
.ask > label { display: block; margin-bottom: .2rem; overflow-wrap: anywhere; }
.ask .id { font-weight: 700; margin-right: .4rem; }
input[type="text"] { font: inherit; width: min(24rem, 100%); box-sizing: border-box; padding: .25rem .45rem;
  border: 1px solid #5a6478; border-radius: 3px; background: #fff; color: inherit; }
input:focus-visible, button:focus-visible { outline: 3px solid #1f5fbf; outline-offset: 2px; }
button { font: inherit; font-size: .9rem; padding: .2rem .6rem; border: 1px solid #5a6478; border-radius: 3px;
  background: #eef1f6; color: #1b2333; cursor: pointer; }
button:disabled { color: #4a5260; cursor: default; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; margin-top: .3rem; }
.syntax { display: block; color: #7a4b00; font-size: .9rem; }
.syntax:empty, [data-result]:empty { display: none; }
[data-result] { display: block; margin-top: .25rem; overflow-wrap: anywhere; }
[data-result]::before { font-weight: 700; margin-right: .35rem; }
[data-status="correct"] { color: #1a6b2f; }
[data-status="correct"]::before { content: "✓"; }
[data-status="incorrect"] { color: #9b1c1c; }
[data-status="incorrect"]::before { content: "✗"; }
[data-status="invalid"] { color: #7a4b00; }
[data-status="invalid"]::before { content: "?"; }
ol.hints { margin: .3rem 0; padding-left: 1.4rem; }
ol.hints:not(:has(li:not([hidden]))) { display: none; }
.hints .cost { color: #3d4759; font-size: .85rem; }
.worked { margin: .4rem 0; padding: .3rem .6rem; background: #f8fafc; border: 1px solid #dde3ec; }
.worked .eq { overflow-x: auto; overflow-y: hidden; padding: .1rem 0; }
.worked .step .label { font-weight: 600; font-size: .92rem; color: #33415c; }
.worked .step .eq { padding-left: 1rem; }
.worked .step .eq.first { padding-left: 0; }
.worked .step .note { font-size: .85rem; color: #3d4759; font-style: italic; }
.worked .math { margin: .3rem 0 .3rem 1rem; }
footer { margin-top: 2.5rem; font-size: .85rem; color: #3d4759; }
@media (max-width: 30rem) { body { margin: .8rem auto; padding: 0 .6rem; } .prompt { padding: .4rem .5rem; } .ask { padding-left: .45rem; } }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  .tools, .actions, .syntax, [data-result], ol.hints, .worked, .kept, .how { display: none !important; }
  section { break-inside: auto; }
  .ask { break-inside: avoid; border-left: none; padding-left: 0; }
  input[type="text"] { border: none; border-bottom: 1px solid #000; border-radius: 0; width: 100%; min-height: 2.2em; }
  .prompt { background: none; padding: 0; }
}
`;

/** JSON inside <script>: `<` escaped, so no text in an exercise can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const attr = escapeHtml;

function askHtml(ask: PracticeAsk, n: number, lang: Lang): string {
  const id = `q${n}-${ask.id}`;
  const data = `data-question="${n}" data-ask="${attr(ask.id)}"`;
  const hints = ask.hints
    .map(
      (h, i) =>
        `<li hidden data-hint-level="${i + 1}">${escapeHtml(h.text)} <span class="cost">(−${Math.round(h.cost * 100)}%)</span></li>`,
    )
    .join('');
  const first = ask.hints[0];
  const hintButton = first
    ? `<button type="button" data-hint ${data} aria-controls="${id}-hints">${escapeHtml(
        scriptWords(lang)
          .hint.replace('{k}', '1')
          .replace('{p}', String(Math.round(first.cost * 100))),
      )}</button>`
    : '';
  const stepButton = ask.stepHtml
    ? `<button type="button" data-show-step ${data} aria-controls="${id}-step" aria-expanded="false" hidden>${escapeHtml(scriptWords(lang).showStep)}</button>`
    : '';
  return (
    `<div class="ask">` +
    `<label for="${id}"><span class="id">${escapeHtml(ask.id)}</span> ${escapeHtml(ask.label)}</label>` +
    `<input id="${id}" type="text" autocomplete="off" autocapitalize="off" spellcheck="false" ${data} aria-describedby="${id}-syntax ${id}-result">` +
    `<span class="syntax" id="${id}-syntax" data-syntax ${data} aria-live="polite"></span>` +
    `<output id="${id}-result" for="${id}" data-result ${data} aria-live="polite"></output>` +
    `<div class="actions">${hintButton}${stepButton}</div>` +
    (hints
      ? `<ol class="hints" id="${id}-hints" aria-label="${attr(pick(WORDS.hints, lang))} ${attr(ask.id)}">${hints}</ol>`
      : '') +
    (ask.stepHtml
      ? `<div class="worked" id="${id}-step" data-step ${data} hidden><h3>${escapeHtml(pick(WORDS.workedStep(ask.id), lang))}</h3>${ask.stepHtml}</div>`
      : '') +
    `</div>`
  );
}

function questionHtml(q: PracticeQuestion, n: number, lang: Lang): string {
  return (
    `<section aria-labelledby="q${n}-title"><h2 id="q${n}-title">${escapeHtml(pick(WORDS.question(n), lang))}</h2>` +
    `<div class="prompt">${q.promptHtml}</div>\n${q.asks.map((a) => askHtml(a, n, lang)).join('\n')}</section>`
  );
}

/** The localStorage key of a page: the exercises it holds (template/difficulty/seed/lang) and the student. */
export function storageKey(questions: readonly PracticeQuestion[], student?: { readonly id: string }): string {
  const names = questions.map(({ exercise: e }) => `${e.template}/${e.difficulty}/${e.seed}/${e.lang}`).join(',');
  return `backprop-tutor practice ${names}${student ? ` student ${student.id}` : ''}`;
}

/** The whole page for these questions, numbered from 1 in the given order. */
export function practicePage(questions: readonly PracticeQuestion[], options: PracticeOptions): string {
  const { lang, script, student } = options;
  const title = options.title ?? pick(WORDS.title, lang);
  const hash = createHash('sha256').update(script).digest('base64');
  const csp = `default-src 'none'; script-src 'sha256-${hash}'; style-src 'unsafe-inline'; img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'`;
  const who = student
    ? `<p>${escapeHtml(pick(WORDS.student(student.name, student.id), lang))}</p>`
    : `<label for="student-id">${escapeHtml(pick(WORDS.studentId, lang))}</label><input id="student-id" type="text" autocomplete="off" spellcheck="false">`;
  const tools =
    `<section class="tools" aria-labelledby="tools-title"><h2 id="tools-title" class="sr-only">${escapeHtml(pick(WORDS.tools, lang))}</h2>` +
    `${who}<button type="button" id="export">${escapeHtml(pick(WORDS.exportCsv, lang))}</button>` +
    `<button type="button" id="reset">${escapeHtml(pick(WORDS.reset, lang))}</button>` +
    `<p id="score" aria-live="polite"></p><p id="exported" class="note" aria-live="polite"></p></section>`;
  const header =
    `<header><h1>${escapeHtml(title)}</h1>` +
    `<p class="note"><strong>${escapeHtml(pick(WORDS.holdsAnswers, lang))}</strong></p>` +
    `<p class="how">${escapeHtml(pick(WORDS.howTo, lang))}</p><p class="note">${escapeHtml(pick(WORDS.syntax, lang))}</p>` +
    `<p class="note kept">${escapeHtml(pick(WORDS.kept, lang))}</p></header>`;
  const main = `<main>\n${tools}\n${questions.map((q, i) => questionHtml(q, i + 1, lang)).join('\n')}\n</main>`;
  const footer = `<footer><p>${escapeHtml(pick(WORDS.footer(options.version ?? ''), lang))}</p></footer>`;
  const body = `${header}\n${main}\n${footer}`;
  const data = [
    `data-storage-key="${attr(storageKey(questions, student))}"`,
    student ? `data-student="${attr(student.id)}"` : '',
    options.scorm ? 'data-scorm="1.2"' : '',
  ]
    .filter((x) => x !== '')
    .join(' ');
  return (
    `<!DOCTYPE html>\n<html lang="${lang}" ${data}>\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(title)}</title>\n<style>${inlineKatexCss(body)}</style>\n<style>${CSS}</style>\n</head>\n<body>\n${body}\n` +
    `<script type="application/json" id="exercises">${scriptJson(questions.map((q) => q.exercise))}</script>\n` +
    `<script type="application/json" id="practice-words">${scriptJson(scriptWords(lang))}</script>\n` +
    `<script>${script}</script>\n</body>\n</html>\n`
  );
}
