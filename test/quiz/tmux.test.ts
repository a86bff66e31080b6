// The interactive quiz in a real terminal (tmux): keys sent with send-keys, the screen read with
// capture-pane, in English and Japanese. Skipped, saying why, where tmux is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/text/width';
import { ROOT } from '../cli/build-cli';
import { answers, quizCli, type QuizCli } from './quiz-cli';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('skipping the tmux quiz test: tmux is not installed (Debian: apt-get install tmux)');

let q: QuizCli;
beforeAll(() => {
  if (!hasTmux) return;
  q = quizCli();
  // A session kept open for the whole file: the tmux server would exit with its last session, and a
  // test starting one right then could reach the server while it goes away.
  tmux('new-session', '-d', '-s', 'keep', 'sleep 3600');
});
afterAll(() => {
  q?.remove();
  if (hasTmux) spawnSync('tmux', ['-L', 'backprop-tutor-test', 'kill-server']);
});

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', 'backprop-tutor-test', ...args], { encoding: 'utf8' });
const screen = (name: string) => tmux('capture-pane', '-p', '-t', name);
/** The screen with everything scrolled off it. */
const scrollback = (name: string) => tmux('capture-pane', '-p', '-S', '-', '-t', name);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(name: string, text: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const s = screen(name);
    if (s.includes(text)) return s;
    await sleep(100);
  }
  throw new Error(`"${text}" never appeared on the screen:\n${screen(name)}`);
}

describe.skipIf(!hasTmux)('quiz in tmux', () => {
  for (const lang of ['en', 'ja'] as const) {
    it(`answers at the prompt, an unreadable answer asked again (${lang})`, async () => {
      const name = `quiz-${lang}`;
      const file = q.path(`tmux-${lang}.jsonl`);
      // Seed 3, output-bias-grad: ∂L/∂b = −2.4 (worked by hand in plain.test.ts).
      const command = [process.execPath, q.cli.cli, 'quiz', '--template', 'output-bias-grad', '--count', '1']
        .concat(['--seed', '3', '--lang', lang, '--session', file])
        .join(' ');
      tmux(
        'new-session',
        '-d',
        '-s',
        name,
        '-x',
        '100',
        '-y',
        '50',
        '-c',
        ROOT,
        `env NO_COLOR=1 XDG_STATE_HOME=${q.dir}/state ${command}; echo EXIT=$?; sleep 60`,
      );
      try {
        await waitFor(name, '? a1');
        tmux('send-keys', '-t', name, '-l', 'x+');
        tmux('send-keys', '-t', name, 'Enter');
        await waitFor(name, lang === 'en' ? '"x" is not a number' : '「x」は数でも');
        tmux('send-keys', '-t', name, 'BSpace', 'BSpace');
        tmux('send-keys', '-t', name, '-l', '--', '-2.4');
        tmux('send-keys', '-t', name, 'Enter');
        const end = await waitFor(name, 'EXIT=');
        expect(end).toContain('EXIT=0');
        expect(end).toContain(lang === 'en' ? '✓ Correct.' : '✓ 正解です。');
        expect(end).toContain(lang === 'en' ? 'Quiz over: score 1/1.' : '小テスト終了: 得点 1/1。');
        expect(answers(file).map((l) => [l.answer, l.status])).toEqual([['-2.4', 'correct']]);
      } finally {
        tmux('kill-session', '-t', name);
      }
    });
  }

  it('a missed question comes back two questions later, the same after a crash and --resume', async () => {
    const file = q.path('tmux-again.jsonl');
    const quiz = (...args: string[]) =>
      `env NO_COLOR=1 XDG_STATE_HOME=${q.dir}/state ${[process.execPath, q.cli.cli, 'quiz', ...args].join(' ')}; echo EXIT=$?; sleep 60`;
    const start = (name: string, command: string) =>
      tmux('new-session', '-d', '-s', name, '-x', '100', '-y', '50', '-c', ROOT, command);
    const saved = () => (existsSync(file) ? answers(file) : []);
    /** Skips asks until question `until` is on the screen (every skip saved before the next). */
    async function skipUntil(name: string, until: number): Promise<string> {
      for (let i = 0; i < 20; i++) {
        const s = scrollback(name);
        if (s.includes(`Question ${until}/5 `) || s.includes('Quiz over')) return s;
        await waitFor(name, '? a');
        const before = saved().length;
        tmux('send-keys', '-t', name, '-l', 'skip');
        tmux('send-keys', '-t', name, 'Enter');
        for (let k = 0; k < 100 && saved().length === before; k++) await sleep(50);
        await sleep(200);
      }
      throw new Error(`question ${until} never came:\n${scrollback(name)}`);
    }
    const headers = (s: string) => [
      ...s.matchAll(/^Question (\d)\/5 · ([\w-]+) · difficulty (\d) · seed (\d+)\n(.*)$/gm),
    ];
    try {
      start('again-1', quiz('--count', '5', '--seed', '21', '--session', file));
      await waitFor('again-1', 'Which topics?');
      tmux('send-keys', '-t', 'again-1', 'Enter');
      // Questions 1–3 skipped: question 1 is back as question 4.
      const before = await skipUntil('again-1', 4);
      await waitFor('again-1', '? a1');
      const shown = headers(scrollback('again-1'));
      expect(shown.map((m) => m[1])).toEqual(['1', '2', '3', '4']);
      expect(shown[3][5]).toBe('Back because you missed it in question 1.');
      expect(shown[3][2]).toBe(shown[0][2]);
      expect(shown[3][4]).not.toBe(shown[0][4]);
      expect(before).toContain('Quiz: 5 questions (chosen from your profile), seed 21.');
      // A crash at question 4's prompt.
      process.kill(Number(readFileSync(`${file}.lock`, 'utf8')), 'SIGKILL');
      await waitFor('again-1', 'EXIT=');
      tmux('kill-session', '-t', 'again-1');

      start('again-2', quiz('--session', file, '--resume'));
      await waitFor('again-2', '? a1');
      const resumed = headers(scrollback('again-2'));
      expect(resumed[0].slice(1)).toEqual(shown[3].slice(1));
      // Question 4 skipped too: question 2 is back as the last, in the place of a planned question.
      await skipUntil('again-2', 5);
      const end = await skipUntil('again-2', 6);
      expect(end).toContain('Quiz over');
      const last = headers(end);
      expect(last.map((m) => m[1])).toEqual(['4', '5']);
      expect(last[1][5]).toBe('Back because you missed it in question 2.');
      expect(last[1][2]).toBe(shown[1][2]);
      // The journal: five questions, the fourth and fifth the templates of the first and second.
      const templates = new Map(answers(file).map((l) => [l.question, l.template]));
      expect([...templates.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
      expect(templates.get(4)).toBe(templates.get(1));
      expect(templates.get(5)).toBe(templates.get(2));
      expect(JSON.parse(readFileSync(file, 'utf8').split('\n')[0]).again).toEqual({ after: 2, most: 2 });
    } finally {
      for (const name of ['again-1', 'again-2'])
        spawnSync('tmux', ['-L', 'backprop-tutor-test', 'kill-session', '-t', name]);
    }
  });

  for (const lang of ['en', 'ja'] as const)
    for (const width of [80, 60]) {
      it(`every line fits ${width} columns (${lang}): question, drawing, hint, verdicts, worked step, summary`, async () => {
        const name = `width-${lang}-${width}`;
        const file = q.path(`width-${lang}-${width}.jsonl`);
        const command = [process.execPath, q.cli.cli, 'quiz', '--template', 'hidden-delta', '--difficulty', '2']
          .concat(['--count', '1', '--seed', '3', '--lang', lang, '--session', file])
          .join(' ');
        tmux(
          'new-session',
          '-d',
          '-s',
          name,
          '-x',
          String(width),
          '-y',
          '50',
          '-c',
          ROOT,
          `env NO_COLOR=1 XDG_STATE_HOME=${q.dir}/state ${command}; echo EXIT=$?; sleep 60`,
        );
        try {
          const type = async (text: string) => {
            await waitFor(name, '? a');
            const before = existsSync(file) ? readFileSync(file, 'utf8').length : 0;
            tmux('send-keys', '-t', name, '-l', text);
            tmux('send-keys', '-t', name, 'Enter');
            for (let k = 0; k < 100 && readFileSync(file, 'utf8').length === before; k++) await sleep(50);
            await sleep(200);
          };
          // A hint, two wrong tries (the feedback and the worked step), then the rest skipped.
          for (const text of ['hint', '9999', '9999']) await type(text);
          for (let i = 0; i < 10 && !screen(name).includes('EXIT='); i++) await type('skip');
          await waitFor(name, 'EXIT=0');
          // Lines as written, before the terminal folded them (-J joins folded lines again).
          const lines = tmux('capture-pane', '-p', '-J', '-S', '-', '-t', name)
            .split('\n')
            .map((l) => l.trimEnd());
          const text = lines.join('\n');
          expect(text).toContain(lang === 'en' ? 'Hint 1' : 'ヒント 1');
          expect(text).toContain(lang === 'en' ? 'Quiz over' : '小テスト終了');
          expect(text).toMatch(lang === 'en' ? /Worked step for a1/ : /a1 の途中式/);
          // The journal's path stays whole on its line, so that it copies as one.
          const kept = (l: string) => l.startsWith(lang === 'en' ? 'Saved to ' : `${file} に保存`);
          const over = lines.filter((l) => !kept(l) && displayWidth(l) > width);
          expect(over).toEqual([]);
          expect(lines.filter((l) => displayWidth(l) > width - 10).length).toBeGreaterThan(3);
        } finally {
          tmux('kill-session', '-t', name);
        }
      });
    }
});
