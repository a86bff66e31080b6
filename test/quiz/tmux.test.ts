// The interactive quiz in a real terminal (tmux): keys sent with send-keys, the screen read with
// capture-pane, in English and Japanese. Skipped, saying why, where tmux is not installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/build-cli';
import { answers, quizCli, type QuizCli } from './quiz-cli';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
if (!hasTmux) console.warn('skipping the tmux quiz test: tmux is not installed (Debian: apt-get install tmux)');

let q: QuizCli;
beforeAll(() => {
  if (hasTmux) q = quizCli();
});
afterAll(() => {
  q?.remove();
  if (hasTmux) spawnSync('tmux', ['-L', 'backprop-tutor-test', 'kill-server']);
});

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', 'backprop-tutor-test', ...args], { encoding: 'utf8' });
const screen = (name: string) => tmux('capture-pane', '-p', '-t', name);
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
});
