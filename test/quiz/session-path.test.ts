// A --session FILE the quiz cannot use ends in one line naming the path and the reason, in the words of
// every other output (`cannot write PATH: …`): exit 2 when the path is wrong, 1 when the device is
// full; never a stack trace, and nothing left behind. Each row: the path, the flags, the exit code, the
// words the line must hold.
import { existsSync, mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quizCli, type QuizCli } from './quiz-cli';

let q: QuizCli;
beforeAll(() => {
  q = quizCli();
  mkdirSync(q.path('folder'));
});
afterAll(() => q?.remove());

/** Root may create /dev/full.lock, so the write itself fails (disk full); anyone else cannot take the lock. */
const root = process.getuid?.() === 0;

interface Row {
  readonly name: string;
  readonly path: (q: QuizCli) => string;
  readonly resume?: boolean;
  readonly lang?: 'ja';
  readonly exit: number;
  readonly words: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    name: 'a full device',
    path: () => '/dev/full',
    exit: root ? 1 : 2,
    words: ['cannot write /dev/full', root ? 'no space left on the device' : 'permission denied'],
  },
  {
    name: 'a full device, in Japanese',
    path: () => '/dev/full',
    lang: 'ja',
    exit: root ? 1 : 2,
    words: ['/dev/full に書き込めません', root ? 'デバイスの空き容量がありません' : '書き込む権限がありません'],
  },
  {
    name: 'a read-only place (sysfs)',
    path: () => '/sys/kernel/backprop-tutor.jsonl',
    exit: 2,
    words: ['cannot write /sys/kernel/backprop-tutor.jsonl', 'permission denied'],
  },
  {
    name: 'a sysfs file to resume',
    path: () => '/sys/kernel/notes',
    resume: true,
    exit: 2,
    words: ['cannot write /sys/kernel/notes', 'permission denied'],
  },
  { name: 'an empty name', path: () => '', exit: 2, words: ['cannot write ""', 'the file name is empty', '--session'] },
  {
    name: 'an empty name to resume',
    path: () => '',
    resume: true,
    exit: 2,
    words: ['cannot write ""', 'the file name is empty'],
  },
  { name: 'a folder', path: (q) => q.path('folder'), exit: 2, words: ['cannot write', 'it is a folder'] },
  {
    name: 'a name ending in a slash',
    path: (q) => q.path('new-folder/'),
    exit: 2,
    words: ['cannot write', 'new-folder/', 'it is a folder'],
  },
];

describe('quiz --session FILE that cannot be written', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const path = row.path(q);
      const flags = row.resume ? ['--resume'] : ['--seed', '1', '--count', '1'];
      const r = q.quiz(['1'], '--plain', ...flags, '--session', path, ...(row.lang ? ['--lang', row.lang] : []));
      expect(r.status, r.stderr).toBe(row.exit);
      expect(r.stderr).toMatch(/^backprop-tutor: [^\n]*\n$/);
      expect(r.stderr).not.toMatch(/internal error|\s+at |\.js:\d+/);
      for (const word of row.words) expect(r.stderr).toContain(word);
      expect(r.stdout).toBe('');
      // Nothing left behind: no lock file, no folder made for a name ending in a slash.
      if (path !== '') expect(existsSync(`${path}.lock`)).toBe(false);
      expect(existsSync(q.path('new-folder'))).toBe(false);
    });
  }
});

describe('quiz stats --session ""', () => {
  it('names the empty name, exit 2', () => {
    const r = q.cli.runWithEnv({ XDG_STATE_HOME: q.path('state') }, 'stats', '--session', '');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      'backprop-tutor: "": the file name is empty: give --session FILE, or leave --session out for the whole history\n',
    );
  });
});
