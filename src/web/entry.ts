// The practice page's script (bundled for the browser): reads the exercises from the page and grades
// an ask when Enter is pressed in its input, with the same parser and grader as `check`; reports
// syntax problems while typing, shows hints at their cost, offers the worked step after a miss, keeps
// everything in localStorage, exports the answers as a responses CSV, and reports the score to a
// SCORM 1.2 LMS when the page is packaged for one. Every text it puts in the page goes in as text.
import { gradingContext, type GradingContext } from '../grader/context';
import { parseExercise } from '../grader/exercise-file';
import { expectOf, gradeExercise } from '../grader/grade';
import { exerciseResultsJson } from '../grader/render';
import { readAnswer } from '../grader/student';
import { isSymbolicAsk, type Ask } from '../exercises/types';
import { pick, text, type Lang } from '../text/lang';
import { EMPTY_ASK, EMPTY_PROGRESS, readProgress, withAsk, type Progress } from './progress';
import { responsesCsv } from './responses-csv';
import { findScormApi, scormReporter } from './scorm-api';
import type { ScriptWords } from './words';

interface Question {
  /** Made on first use: a page of many exercises is ready before each is prepared for grading. */
  readonly ctx: () => GradingContext;
  readonly asks: readonly Ask[];
}

interface Verdict {
  readonly status: 'correct' | 'incorrect' | 'invalid';
  readonly score: number;
  readonly feedback: string;
}

const fill = (template: string, values: Readonly<Record<string, string | number>>) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

function start(): void {
  const root = document.documentElement;
  const data = document.getElementById('exercises');
  const wordsData = document.getElementById('practice-words');
  if (data === null || wordsData === null) return;
  const lang: Lang = root.lang === 'ja' ? 'ja' : 'en';
  const words = JSON.parse(wordsData.textContent ?? '{}') as ScriptWords;
  const questions: Question[] = (JSON.parse(data.textContent ?? '[]') as unknown[]).map((exercise) => {
    const loaded = parseExercise(JSON.stringify(exercise));
    let ctx: GradingContext | undefined;
    return {
      ctx: () => (ctx ??= gradingContext(loaded.exercise, { tolerances: loaded.tolerances })),
      asks: loaded.exercise.asks,
    };
  });
  const key = root.dataset.storageKey ?? 'backprop-tutor practice';
  const fixedStudent = root.dataset.student;

  const scorm = scormReporter(root.dataset.scorm === '1.2' ? findScormApi(window) : null);
  // Storage can be off (a private window, a policy): the page then works without keeping anything.
  // In an LMS, the attempt's own suspend data comes first (it follows the student to another device).
  const load = (): Progress => {
    const fromLms = scorm.stored();
    if (fromLms !== null && readProgress(fromLms) !== EMPTY_PROGRESS) return readProgress(fromLms);
    try {
      return readProgress(localStorage.getItem(key));
    } catch {
      return readProgress(null);
    }
  };
  let progress = load();
  const save = () => {
    const json = JSON.stringify(progress);
    scorm.keep(json);
    try {
      localStorage.setItem(key, json);
    } catch {
      // Nothing to do: the answers stay on the page until it is closed.
    }
  };

  const select = <T extends Element>(what: string, n: number, ask: string) =>
    document.querySelector<T>(`[${what}][data-question="${n}"][data-ask="${CSS.escape(ask)}"]`);
  const input = (n: number, ask: string) =>
    document.querySelector<HTMLInputElement>(`input[data-question="${n}"][data-ask="${CSS.escape(ask)}"]`);
  const scores = new Map<string, number>();
  const totalAsks = questions.reduce((s, q) => s + q.asks.length, 0);

  const showScore = () => {
    const total = [...scores.values()].reduce((s, x) => s + x, 0);
    const shown = Math.round(total * 100) / 100;
    const out = document.getElementById('score');
    if (out) out.textContent = fill(words.score, { s: shown, n: totalAsks });
    scorm.report(totalAsks === 0 ? 0 : Math.round((10000 * total) / totalAsks) / 100, scores.size === totalAsks);
  };

  /** Grades ask `ask` of question n with the other asks' graded answers beside it, as `check` would. */
  const verdict = (n: number, ask: string, answer: string): Verdict => {
    const q = questions[n - 1];
    const answers = new Map<string, string>();
    for (const other of q.asks) {
      const entered = progress.asks[`${n}.${other.id}`]?.entered;
      if (other.id !== ask && entered != null && entered.trim() !== '') answers.set(other.id, entered);
    }
    answers.set(ask, answer);
    const hints = progress.asks[`${n}.${ask}`]?.hints ?? 0;
    const grade = (used: number) =>
      exerciseResultsJson(gradeExercise(q.ctx(), answers, { hintsUsed: new Map([[ask, used]]) }), lang).results.find(
        (r) => r.ask === ask,
      )!;
    try {
      let r = grade(hints);
      // An answer that cannot be read costs nothing, so its message carries no note on the hints' cost.
      if (r.status === 'invalid' && hints > 0) r = grade(0);
      return { status: r.status, score: r.score, feedback: r.feedback };
    } catch (error) {
      // A number far beyond hand computation: the grader cannot compare it; like an unreadable answer.
      if (!(error instanceof RangeError)) throw error;
      return {
        status: 'invalid',
        score: 0,
        feedback: pick(text(error.message, `この値は扱えません: ${error.message}`), lang),
      };
    }
  };

  const show = (n: number, ask: string, v: Verdict | null) => {
    const out = select<HTMLElement>('data-result', n, ask);
    if (out === null) return;
    if (v === null) {
      delete out.dataset.status;
      out.textContent = '';
      scores.delete(`${n}.${ask}`);
    } else {
      out.dataset.status = v.status;
      out.textContent = v.feedback;
      scores.set(`${n}.${ask}`, v.score);
    }
  };

  const offerStep = (n: number, ask: string) => {
    const button = select<HTMLButtonElement>('data-show-step', n, ask);
    if (button) button.hidden = false;
  };

  const grade = (n: number, ask: string) => {
    const field = input(n, ask);
    if (field === null) return;
    const answer = field.value;
    const k = `${n}.${ask}`;
    if (answer.trim() === '') {
      progress = withAsk(progress, k, { typed: answer, entered: null });
      show(n, ask, null);
    } else {
      const v = verdict(n, ask, answer);
      const missed = (progress.asks[k]?.missed ?? false) || v.status === 'incorrect';
      progress = withAsk(progress, k, { typed: answer, entered: answer, missed });
      show(n, ask, v);
      if (missed) offerStep(n, ask);
    }
    const syntax = select<HTMLElement>('data-syntax', n, ask);
    if (syntax) syntax.textContent = '';
    save();
    showScore();
  };

  /** The parser's message while typing (nothing is graded before Enter). */
  const checkSyntax = (n: number, ask: string, typed: string) => {
    const q = questions[n - 1];
    const a = q.asks.find((x) => x.id === ask);
    const syntax = select<HTMLElement>('data-syntax', n, ask);
    if (!a || !syntax) return;
    const read =
      typed.trim() === ''
        ? null
        : readAnswer(typed, isSymbolicAsk(a) ? { variables: a.variables } : { expect: expectOf(q.ctx(), a) });
    syntax.textContent = read?.kind === 'invalid' ? pick(read.message, lang) : '';
  };

  const showHints = (n: number, ask: string, count: number) => {
    const list = document.getElementById(`q${n}-${ask}-hints`);
    const items = list ? [...list.querySelectorAll<HTMLElement>('li[data-hint-level]')] : [];
    items.forEach((li, i) => {
      li.hidden = i >= count;
    });
    const button = select<HTMLButtonElement>('data-hint', n, ask);
    if (!button) return;
    const next = items[count];
    if (next === undefined) {
      button.textContent = words.noMoreHints;
      button.disabled = true;
    } else {
      const cost = next.querySelector('.cost')?.textContent?.match(/\d+/)?.[0] ?? '0';
      button.textContent = fill(words.hint, { k: count + 1, p: cost });
      button.disabled = false;
    }
  };

  const setStep = (n: number, ask: string, open: boolean) => {
    const step = select<HTMLElement>('data-step', n, ask);
    const button = select<HTMLButtonElement>('data-show-step', n, ask);
    if (!step || !button) return;
    step.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? words.hideStep : words.showStep;
  };

  const studentField = document.getElementById('student-id') as HTMLInputElement | null;

  const restore = () => {
    if (studentField) studentField.value = progress.student;
    questions.forEach((q, i) => {
      const n = i + 1;
      for (const ask of q.asks) {
        const p = progress.asks[`${n}.${ask.id}`] ?? EMPTY_ASK;
        const field = input(n, ask.id);
        if (field) field.value = p.typed;
        show(n, ask.id, p.entered === null || p.entered.trim() === '' ? null : verdict(n, ask.id, p.entered));
        if (p.missed) offerStep(n, ask.id);
        setStep(n, ask.id, false);
        showHints(n, ask.id, p.hints);
        const syntax = select<HTMLElement>('data-syntax', n, ask.id);
        if (syntax) syntax.textContent = '';
        if (p.typed !== (p.entered ?? '')) checkSyntax(n, ask.id, p.typed);
      }
    });
    showScore();
  };

  for (const field of document.querySelectorAll<HTMLInputElement>('input[data-question][data-ask]')) {
    const n = Number(field.dataset.question);
    const ask = field.dataset.ask!;
    field.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      event.preventDefault();
      grade(n, ask);
    });
    field.addEventListener('input', () => {
      progress = withAsk(progress, `${n}.${ask}`, { typed: field.value });
      save();
      checkSyntax(n, ask, field.value);
    });
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-hint]')) {
    const n = Number(button.dataset.question);
    const ask = button.dataset.ask!;
    button.addEventListener('click', () => {
      const k = `${n}.${ask}`;
      const hints = (progress.asks[k]?.hints ?? 0) + 1;
      progress = withAsk(progress, k, { hints });
      save();
      showHints(n, ask, hints);
    });
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-show-step]')) {
    const n = Number(button.dataset.question);
    const ask = button.dataset.ask!;
    button.addEventListener('click', () => setStep(n, ask, button.getAttribute('aria-expanded') !== 'true'));
  }
  studentField?.addEventListener('input', () => {
    progress = { ...progress, student: studentField.value };
    save();
  });

  document.getElementById('reset')?.addEventListener('click', () => {
    if (!window.confirm(words.confirmReset)) return;
    progress = readProgress(null);
    scorm.keep(JSON.stringify(progress));
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage off: there is nothing stored to clear.
    }
    restore();
  });

  document.getElementById('export')?.addEventListener('click', () => {
    const studentId = fixedStudent ?? studentField?.value.trim() ?? '';
    const csv = responsesCsv({
      studentId,
      questions: questions.map((q, i) => q.asks.map((a) => ({ ask: a.id, answer: input(i + 1, a.id)?.value ?? '' }))),
    });
    const file = `answers${studentId === '' ? '' : `-${studentId.replace(/[^\w.-]+/g, '_')}`}.csv`;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    link.download = file;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    const said = document.getElementById('exported');
    if (said) said.textContent = fill(words.exported, { file });
  });

  addEventListener('pagehide', () => scorm.finish());
  restore();
  root.dataset.ready = 'true';
}

start();
