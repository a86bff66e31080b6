// The teacher's figures, whole processes as a teacher runs them: a 40-student class of a ten-question
// set (bench/sets/ten-questions.yaml) generated with keys and HTML, then graded from a responses file
// filled in from key.json (every answer right, as typed from the key), and the PDF for the class (the
// class's print files, worksheets.pdf and keys.pdf: `--only class`) where a Chromium is installed. With
// BENCH_HEAVY=1 also every PDF of the class (each student's worksheet, key and worked solutions too)
// and 1,000 students × 10 questions → keys and HTML (minutes on a small machine).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const SET = 'bench/sets/ten-questions.yaml';
// The child's own CPU time (user + system), said on stderr at exit: on a shared machine the wall
// time also counts the other processes' turns.
const CPU =
  "data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('cpuMs '+(u.user+u.system)/1000+'\\n')})";

/**
 * Wall and CPU milliseconds of one whole run (CPU: every thread of the process, generate's workers
 * included), and the machine's 1-minute load average after it: on a shared machine a wall time
 * means little without it.
 */
function timed(cli, root, args) {
  const env = { ...process.env };
  delete env.BACKPROP_TUTOR_LANG;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', CPU, cli, ...args], { cwd: root, env, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (result.status !== 0) throw new Error(`${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  const cpuMs = Number(/cpuMs ([\d.]+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { wallMs: Math.round(wallMs), cpuMs: Math.round(cpuMs), load: Math.round(loadavg()[0] * 100) / 100 };
}

/** A PDF figure, or null where no Chromium is installed (generate says so, in English here, and exits). */
function withBrowser(run) {
  try {
    return run();
  } catch (error) {
    if (/no Chromium browser found/.test(error.message)) return null;
    throw error;
  }
}

const best = (runs) => runs.reduce((a, b) => (b.wallMs < a.wallMs ? b : a));

const cellText = (v) => {
  if (Array.isArray(v)) return `[${v.map(cellText).join(', ')}]`;
  if (v && typeof v === 'object' && 'expression' in v) return v.expression;
  return v.exact ?? v.approx.slice(0, 12);
};

/** responses-template.csv filled in with the key's answers. */
function responses(dir) {
  const key = JSON.parse(readFileSync(join(dir, 'key.json'), 'utf8'));
  const header = readFileSync(join(dir, 'responses-template.csv'), 'utf8').split('\r\n')[0].split(',');
  const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = key.students.map((s) => {
    const cells = header.slice(1).map((column) => {
      const [q, ask] = column.split('.');
      const e = s.questions[Number(q.slice(1)) - 1].expected[ask];
      return e === undefined ? '' : quote(cellText(e));
    });
    return [s.id, ...cells].join(',');
  });
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
}

export function runSetsBench(cli, root) {
  const dir = mkdtempSync(join(tmpdir(), 'bt-bench-sets-'));
  try {
    const out = join(dir, 'class');
    const generateMs = timed(cli, root, ['generate', SET, '--out', out, '--variants', '40']);
    writeFileSync(join(dir, 'answers.csv'), responses(out));
    const gradeArgs = ['grade', join(out, 'key.json'), '--responses', join(dir, 'answers.csv')];
    const gradeMs = best([1, 2, 3].map(() => timed(cli, root, [...gradeArgs, '--out', join(dir, 'grades.csv')])));
    const graded = readFileSync(join(dir, 'grades.csv'), 'utf8').trim().split('\r\n').slice(1);
    // Every answer was typed from the key: every student must have full marks, or the figure means nothing.
    const allRight = graded.length === 40 && graded.every((row) => row.split(',').at(-2) === row.split(',').at(-1));
    const gradeReportMs = timed(cli, root, [...gradeArgs, '--report', join(dir, 'report.html')]);
    const heavy = process.env.BENCH_HEAVY === '1';
    const pdf = (name, more) =>
      timed(cli, root, ['generate', SET, '--out', join(dir, name), '--variants', '40', '--format', 'pdf', ...more]);
    const classPdfMs = withBrowser(() => pdf('class-pdf', ['--only', 'class']));
    const pdfMs = heavy ? withBrowser(() => pdf('pdf', [])) : null;
    const thousandMs = heavy
      ? timed(cli, root, ['generate', SET, '--out', join(dir, 'big'), '--variants', '1000'])
      : null;
    return {
      students: 40,
      questions: 10,
      generateMs,
      gradeMs,
      allRight,
      gradeReportMs,
      classPdfMs,
      pdfMs,
      thousandMs,
      heavy,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
