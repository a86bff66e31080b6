// The quiz's figures: Enter → verdict shown (95th percentile over the tries of a 50-question plain
// session, every try graded and the second miss's worked step rendered), start-up to the first
// question, the peak memory (max RSS) of the whole 50-question plain session, and the start-up of an
// adaptive quiz (no --template) whose profile is read from 10 past sessions of 50 questions (500 questions,
// a hundred sessions of the default 5).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const QUESTIONS = 50;
const RSS =
  "data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS '+process.resourceUsage().maxRSS+'\\n'))";

const PROFILE_SESSIONS = 10;

function quiz(cli, root, dir, name, adaptive = false) {
  const env = { ...process.env, XDG_STATE_HOME: join(dir, 'state') };
  delete env.BACKPROP_TUTOR_LANG;
  const args = ['--import', RSS, cli, 'quiz', '--plain'];
  if (!adaptive) args.push('--template', 'hidden-delta', '--template', 'output-weight-grad');
  args.push('--count', String(QUESTIONS), '--seed', '1', '--session', join(dir, name));
  return spawn(process.execPath, args, { cwd: root, env });
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** One session answered "1" at every try: each try graded, each second miss shows its step. */
function session(cli, root, dir, name) {
  return new Promise((resolve) => {
    const child = quiz(cli, root, dir, name);
    const start = performance.now();
    let out = '';
    let err = '';
    let firstQuestionMs = null;
    let sentAt = null;
    let seen = 0;
    const verdicts = [];
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d) => {
      out += d;
      // A prompt "aN> " at the end of what is shown: the last line's verdict (and step) is on screen.
      const prompts = (out.match(/a\d+> /g) ?? []).length;
      if (prompts > seen && /a\d+> $/.test(out)) {
        seen = prompts;
        const now = performance.now();
        if (firstQuestionMs === null) firstQuestionMs = now - start;
        if (sentAt !== null) verdicts.push(now - sentAt);
        sentAt = performance.now();
        child.stdin.write('1\n');
      }
    });
    child.on('close', () => {
      const rss = /maxRSS (\d+)/.exec(err);
      resolve({ firstQuestionMs, verdicts, peakMb: rss ? Number(rss[1]) / 1024 : null });
    });
    // After the last question the quiz ends by itself; the end of input is a safety net.
    setTimeout(() => child.stdin.end(), 120_000).unref();
  });
}

/** Milliseconds from the spawn to the first ask's prompt; the quiz is then stopped. */
function firstPrompt(child) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d) => {
      out += d;
      if (/a\d+> $/.test(out)) {
        const ms = performance.now() - t0;
        child.kill('SIGTERM');
        resolve(ms);
      }
    });
  });
}

export async function runQuizBench(cli, root, runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-bench-quiz-'));
  try {
    const startups = [];
    const main = await session(cli, root, dir, 'main.jsonl');
    startups.push(main.firstQuestionMs);
    for (let i = 0; i < runs; i++) {
      const r = await firstPrompt(quiz(cli, root, dir, `startup-${i}.jsonl`));
      startups.push(r);
    }
    startups.sort((a, b) => a - b);
    // The profile: the main session's journal, as if held 10 times, in the state folder.
    const state = join(dir, 'state', 'backprop-tutor');
    mkdirSync(state, { recursive: true });
    for (let i = 0; i < PROFILE_SESSIONS; i++)
      copyFileSync(join(dir, 'main.jsonl'), join(state, `quiz-${1000 + i}.jsonl`));
    const adaptive = [];
    for (let i = 0; i < runs; i++) adaptive.push(await firstPrompt(quiz(cli, root, dir, `adaptive-${i}.jsonl`, true)));
    adaptive.sort((a, b) => a - b);
    return {
      questions: QUESTIONS,
      tries: main.verdicts.length,
      enterToVerdictP95Ms: percentile(main.verdicts, 95),
      enterToVerdictMedianMs: percentile(main.verdicts, 50),
      startupMedianMs: startups[Math.floor(startups.length / 2)],
      adaptiveStartupMedianMs: adaptive[Math.floor(adaptive.length / 2)],
      profileSessions: PROFILE_SESSIONS,
      peakMb: main.peakMb,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
