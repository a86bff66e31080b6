// `npm run bench`: start-up and solve-time figures, printed as a table with the targets and
// written to bench/results.json. It reports; it is not a test, so it always exits 0.
//
//   1. Cold whole-process runs (median after warm-up) as ratios to `node -e 0`.
//   2. The 8-8-8-8 batch-4 step written plainly with Python's fractions (bench/fractions_ref.py), timed
//      the same way, and compared number by number with `solve --format json` (exact equality).
//   3. In-process solve() time over width 2..16 × depth 1..4 (batch 4), using the built dist/.
//   4. Teacher sets (bench/sets.mjs): a class of 40 × 10 questions generated and graded, whole runs.
//   5. The quiz (bench/quiz.mjs) and the practice page in headless Chromium (bench/practice.mjs): page
//      size for 10 exercises, time to interactive from file://, Enter → verdict.
//
// Environment: BENCH_RUNS (cold runs per command, default 15); BENCH_PYTHON (python command, default
// python3); BENCH_DIST (another built dist/ folder to measure, e.g. a private build of a change);
// BENCH_HEAVY=1 (also the class's PDF and 1,000 students × 10 questions: minutes on a small machine).
import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NODE = process.execPath;
const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '15', 10) || 15;
const WARMUP = 3;
const DIST = resolve(ROOT, process.env.BENCH_DIST ?? 'dist');
const CLI = relative(ROOT, join(DIST, 'cli.js'));
const MAZUR = 'exercises/networks/mazur.yaml';
const RELU8 = 'exercises/networks/relu-8-8-8-8.yaml';

/** The targets. */
const TARGETS = { cold222Ratio: 2.5, relu8InProcessMs: 30, gradedPerSecond: 20_000 };
const SOLVE_RELU8 = 'solve 8-8-8-8 relu batch 4 --format json';
const PYTHON_RELU8 = 'python3 bench/fractions_ref.py (8-8-8-8)';
const PYTHON_DIRECT_RELU8 = 'the same without the python3 launcher';

// ---------------------------------------------------------------------------------------------
// Cold whole-process commands, timed round-robin (so that drift in machine load hits all alike).
// To add one (e.g. an HTML render), append { name, command, args } — `command` defaults to node,
// args are relative to the project root. Optional: `target: { maxRatio: n }` (× node -e 0) or
// `target: { fasterThan: '<name of another entry>' | [names] }`; `keepOutput: true` keeps the
// stdout of its last run (for cross-checks); `available: false` skips it (say why in `skipReason`).
// A command that fails is reported as failed and the others still run.
// ---------------------------------------------------------------------------------------------
const python = findPython();
const COLD = [
  { name: 'node -e 0', args: ['-e', '0'], baseline: true },
  // --brief is the table of values that `solve FILE` printed before it showed the worked solution.
  {
    name: 'solve 2-2-2 sigmoid (mazur.yaml) --brief',
    args: [CLI, 'solve', MAZUR, '--brief'],
    target: { maxRatio: TARGETS.cold222Ratio },
  },
  { name: '  the worked solution as text', args: [CLI, 'solve', MAZUR] },
  {
    name: SOLVE_RELU8,
    args: [CLI, 'solve', RELU8, '--format', 'json'],
    target: { fasterThan: [PYTHON_RELU8, PYTHON_DIRECT_RELU8] },
    keepOutput: true,
  },
  // A worked solution typeset with KaTeX, fonts embedded (default --form: both).
  {
    name: 'solve --format html (mazur.yaml)',
    args: [CLI, 'solve', MAZUR, '--format', 'html'],
    target: { maxRatio: 4 },
  },
  { name: '  the same, --form scalar', args: [CLI, 'solve', MAZUR, '--format', 'html', '--form', 'scalar'] },
  // `python3 bench/fractions_ref.py` as typed (the issue's comparison) ...
  {
    name: PYTHON_RELU8,
    command: python?.command,
    args: ['bench/fractions_ref.py', RELU8],
    available: python !== null,
    skipReason: 'no python3',
    keepOutput: true,
  },
  // ... and the interpreter itself when `python3` on PATH is a launcher (pyenv's shim is a bash
  // script that adds ~40 ms): the stricter comparison, reported beside the issue's one.
  {
    name: PYTHON_DIRECT_RELU8,
    command: python?.executable,
    args: ['bench/fractions_ref.py', RELU8],
    available: python?.launcher,
    skipReason: python ? 'python3 is the interpreter itself' : 'no python3',
  },
];

/** The python command, the interpreter it runs, and whether the command is a launcher in front of it. */
function findPython() {
  const command = process.env.BENCH_PYTHON ?? 'python3';
  const r = spawnSync(command, ['-c', 'import sys; print(sys.executable); print(sys.version.split()[0])'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) return null;
  const [executable, version] = r.stdout.trim().split('\n');
  const onPath = command.includes('/')
    ? command
    : (process.env.PATH ?? '')
        .split(delimiter)
        .map((dir) => join(dir, command))
        .find((file) => existsSync(file));
  const real = (file) => (file && existsSync(file) ? realpathSync(file) : file);
  return { command, executable, version, launcher: real(onPath) !== real(executable) };
}

function ensureBuilt() {
  if (existsSync(join(DIST, 'cli.js')) && existsSync(join(DIST, 'index.js'))) return;
  if (process.env.BENCH_DIST) throw new Error(`BENCH_DIST=${process.env.BENCH_DIST} has no cli.js and index.js`);
  console.log('dist/ is missing: running npm run build …');
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeOnce(entry) {
  const start = process.hrtime.bigint();
  const r = spawnSync(entry.command ?? NODE, entry.args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${entry.name} failed (exit ${r.status}): ${r.stderr || r.error}`);
  return { ms, stdout: r.stdout };
}

function runCold() {
  const entries = COLD.filter((e) => e.available !== false);
  const times = new Map(entries.map((e) => [e.name, []]));
  const failed = new Map();
  const outputs = new Map();
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (const entry of entries) {
      if (failed.has(entry.name)) continue;
      try {
        const { ms, stdout } = timeOnce(entry);
        if (round >= WARMUP) times.get(entry.name).push(ms);
        if (entry.keepOutput) outputs.set(entry.name, stdout);
      } catch (error) {
        if (entry.baseline) throw error;
        failed.set(entry.name, error.message.split('\n').slice(0, 3).join(' / '));
      }
    }
  }
  const base = median(times.get(COLD.find((e) => e.baseline).name));
  const rows = COLD.map((e) => {
    if (e.available === false) return { name: e.name, skipped: e.skipReason ?? 'not available' };
    if (failed.has(e.name)) return { name: e.name, skipped: `FAILED: ${failed.get(e.name)}` };
    const ts = times.get(e.name);
    const med = median(ts);
    return {
      name: e.name,
      command: [e.command ?? 'node', ...e.args].join(' '),
      medianMs: med,
      minMs: Math.min(...ts),
      ratio: med / base,
      target: e.target ?? null,
    };
  });
  return { baselineMs: base, runs: RUNS, warmup: WARMUP, rows, outputs };
}

/** Compares every exact string of the Python reference with the engine's JSON `exact` fields. */
function crossCheck(pythonStdout, solveStdout) {
  if (!pythonStdout || !solveStdout) return { compared: 0, mismatches: [], skipped: true };
  const ref = JSON.parse(pythonStdout);
  const ours = JSON.parse(solveStdout);
  let compared = 0;
  const mismatches = [];
  const walk = (r, o, path) => {
    if (typeof r === 'string') {
      compared++;
      if (o?.exact !== r) mismatches.push({ path, python: r, ours: o?.exact ?? null });
    } else if (Array.isArray(r)) {
      if (!Array.isArray(o) || o.length !== r.length)
        mismatches.push({ path, python: `${r.length} items`, ours: 'shape differs' });
      else r.forEach((x, i) => walk(x, o[i], `${path}[${i}]`));
    } else {
      for (const k of Object.keys(r)) walk(r[k], o?.[k], path ? `${path}.${k}` : k);
    }
  };
  walk(ref, ours, '');
  return {
    compared,
    mismatches,
    lossPython: ref.loss,
    lossOurs: ours.loss.exact,
    lossAfterPython: ref.loss_after,
    lossAfterOurs: ours.loss_after.exact,
  };
}

// --- in-process ------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run benchmarks the same networks. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A one-decimal literal k/10 with k uniform in [lo, hi] (written as text: exact in the engine). */
const tenth = (rand, lo, hi) => {
  const k = lo + Math.floor(rand() * (hi - lo + 1));
  return `${k < 0 ? '-' : ''}${Math.floor(Math.abs(k) / 10)}.${Math.abs(k) % 10}`;
};
const rowText = (rand, n, lo, hi) => `[${Array.from({ length: n }, () => tenth(rand, lo, hi)).join(', ')}]`;
const matrixText = (rand, r, c, lo, hi) => `[${Array.from({ length: r }, () => rowText(rand, c, lo, hi)).join(', ')}]`;

/** width inputs, `depth` layers of `width` units: relu hidden layers, identity output, half-sse, batch 4. */
function randomNetworkYaml(width, depth, batch = 4) {
  const rand = prng(width * 100 + depth);
  const layers = Array.from({ length: depth }, (_, l) =>
    [
      `  - weights: ${matrixText(rand, width, width, -5, 5)}`,
      `    bias: ${rowText(rand, width, -2, 2)}`,
      `    activation: ${l === depth - 1 ? 'identity' : 'relu'}`,
    ].join('\n'),
  );
  return [
    'layout: x-w',
    'layers:',
    ...layers,
    'loss: half-sse',
    `input: ${matrixText(rand, batch, width, -10, 10)}`,
    `target: ${matrixText(rand, batch, width, -5, 5)}`,
    'learning_rate: 0.1',
  ].join('\n');
}

/** Median ms of f() after warm-up: at least 15 runs and ~0.4 s, at most 500 runs. */
function timeInProcess(f) {
  for (let i = 0; i < 3; i++) f();
  const times = [];
  const budgetEnd = performance.now() + 400;
  while (times.length < 15 || (performance.now() < budgetEnd && times.length < 500)) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return { medianMs: median(times), runs: times.length };
}

/** The first solve() of a fresh process (cold JIT): median over a few child processes. */
function firstSolveInFreshProcess(file, runs = 9) {
  const script = [
    `import { loadNetwork, solve } from ${JSON.stringify(pathToFileURL(join(DIST, 'index.js')).href)};`,
    `const network = loadNetwork(${JSON.stringify(file)});`,
    'const t0 = performance.now(); solve(network); console.log(performance.now() - t0);',
  ].join('\n');
  const times = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(NODE, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (r.status !== 0) return { medianMs: null, error: r.stderr.split('\n')[0] };
    times.push(Number(r.stdout));
  }
  return { medianMs: median(times), runs };
}

async function runInProcess() {
  const lib = await import(pathToFileURL(join(DIST, 'index.js')).href);
  const { loadNetwork, parseNetwork, solve, solutionToJson } = lib;
  const widths = [2, 4, 8, 16];
  const depths = [1, 2, 3, 4];
  const grid = [];
  for (const width of widths) {
    for (const depth of depths) {
      const network = parseNetwork(randomNetworkYaml(width, depth), `bench:w${width}d${depth}`);
      grid.push({ width, depth, ...timeInProcess(() => solve(network)) });
    }
  }
  const file = join(ROOT, RELU8);
  const network = loadNetwork(file);
  const relu8 = {
    file: RELU8,
    firstCall: firstSolveInFreshProcess(file),
    solve: timeInProcess(() => solve(network)),
    loadAndSolve: timeInProcess(() => solve(loadNetwork(file))),
    solveAndJson: timeInProcess(() => JSON.stringify(solutionToJson(solve(network)))),
  };
  return { widths, depths, batch: 4, grid, relu8 };
}

/** Exercises generated per second (every template × difficulty, fresh seeds), in-process. */
async function runExerciseBench(ms = 1500) {
  const { generateExercise, EXERCISE_TEMPLATES } = await import(pathToFileURL(join(DIST, 'index.js')).href);
  const kinds = EXERCISE_TEMPLATES.flatMap((t) => [1, 2, 3].map((difficulty) => ({ template: t.name, difficulty })));
  let count = 0;
  let seed = 1000;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const kind = kinds[count % kinds.length];
    generateExercise({ ...kind, seed: seed++, lang: 'en' });
    count++;
  }
  return { exercisesPerSecond: Math.round((count * 1000) / (performance.now() - start)), kinds: kinds.length };
}

/** Answers parsed + graded per second, and the parser alone (bench/grading.mjs, bench/answers.mjs). */
async function runGradingBenches() {
  const { runGradingBench } = await import('./grading.mjs');
  const { runAnswerBench } = await import('./answers.mjs');
  return {
    grading: await runGradingBench(1500),
    answers: await runAnswerBench(300),
    exercises: await runExerciseBench(),
  };
}

// --- report ----------------------------------------------------------------------------------

const fmt = (x, d = 1) => (x === undefined || x === null ? '—' : x.toFixed(d));
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

function evaluateTargets(cold, cross, inproc, grading, quiz, practice) {
  const byName = new Map(cold.rows.map((r) => [r.name, r]));
  const targets = [];
  const baseline = cold.baselineMs;
  const measured = (x) => (practice.skipped || x === undefined ? null : x);
  targets.push({
    name: `practice page of ${practice.exercises} exercises ≤ 1.5 MB (fonts and script included)`,
    value: practice.pageBytes === undefined ? 'not measured' : `${fmt(practice.pageBytes / 1e6, 2)} MB`,
    pass: practice.pageBytes === undefined ? null : practice.pageBytes <= 1.5e6,
  });
  targets.push({
    name: 'practice page: time to interactive from file:// ≤ 500 ms (median)',
    value:
      measured(practice.interactiveMedianMs) === null
        ? `not measured (${practice.skipped})`
        : `${fmt(practice.interactiveMedianMs)} ms`,
    pass: measured(practice.interactiveMedianMs) === null ? null : practice.interactiveMedianMs <= 500,
  });
  targets.push({
    name: 'practice page: Enter → verdict ≤ 50 ms (95th percentile)',
    value:
      measured(practice.enterToVerdictP95Ms) === null
        ? `not measured (${practice.skipped})`
        : `${fmt(practice.enterToVerdictP95Ms)} ms over ${practice.tries} tries (max ${fmt(practice.enterToVerdictMaxMs)} ms)`,
    pass: measured(practice.enterToVerdictP95Ms) === null ? null : practice.enterToVerdictP95Ms <= 50,
  });
  targets.push({
    name: 'quiz: Enter → verdict shown ≤ 50 ms (95th percentile)',
    value: `${fmt(quiz.enterToVerdictP95Ms)} ms over ${quiz.tries} tries`,
    pass: quiz.enterToVerdictP95Ms <= 50,
  });
  targets.push({
    name: 'quiz: start-up to the first question ≤ 3× node -e 0',
    value: `${fmt(quiz.startupMedianMs)} ms (${fmt(quiz.startupMedianMs / baseline, 2)}×)`,
    pass: baseline === undefined ? null : quiz.startupMedianMs <= 3 * baseline,
  });
  targets.push({
    name: `quiz: adaptive start-up, a profile of ${quiz.profileSessions * quiz.questions} questions ≤ 3× node -e 0`,
    value: `${fmt(quiz.adaptiveStartupMedianMs)} ms (${fmt(quiz.adaptiveStartupMedianMs / baseline, 2)}×)`,
    pass: baseline === undefined ? null : quiz.adaptiveStartupMedianMs <= 3 * baseline,
  });
  targets.push({
    name: `quiz: peak memory of a ${quiz.questions}-question plain session ≤ 150 MB`,
    value: quiz.peakMb === null ? 'not measured' : `${fmt(quiz.peakMb)} MB`,
    pass: quiz.peakMb === null ? null : quiz.peakMb <= 150,
  });
  for (const row of cold.rows) {
    if (!row.target) continue;
    if (row.target.maxRatio !== undefined) {
      targets.push({
        name: `${row.name} ≤ ${row.target.maxRatio}× node -e 0`,
        value: `${fmt(row.ratio, 2)}×`,
        pass: row.ratio <= row.target.maxRatio,
      });
    } else if (row.target.fasterThan) {
      for (const name of [row.target.fasterThan].flat()) {
        const other = byName.get(name);
        if (other?.skipped && name !== [row.target.fasterThan].flat()[0]) continue;
        targets.push({
          name: `${row.name} faster than ${name}`,
          value:
            other?.medianMs === undefined
              ? 'not measured'
              : `${fmt(row.medianMs)} ms vs ${fmt(other.medianMs)} ms (${fmt(row.ratio, 2)}× vs ${fmt(other.ratio, 2)}×)`,
          pass: other?.medianMs === undefined ? null : row.medianMs < other.medianMs,
        });
      }
    }
  }
  targets.push({
    name: `8-8-8-8 batch 4 exact solve() ≤ ${TARGETS.relu8InProcessMs} ms in-process`,
    value: `${fmt(inproc.relu8.solve.medianMs, 2)} ms`,
    pass: inproc.relu8.solve.medianMs <= TARGETS.relu8InProcessMs,
  });
  targets.push({
    name: `answers parsed + graded ≥ ${TARGETS.gradedPerSecond}/s in-process`,
    value: `${grading.grading.answersPerSecond}/s`,
    pass: grading.grading.answersPerSecond >= TARGETS.gradedPerSecond,
  });
  targets.push({
    name: 'cross-check: Python fractions = engine, every exact value',
    value: cross.skipped ? 'not run' : `${cross.compared - cross.mismatches.length}/${cross.compared} equal`,
    pass: cross.skipped ? null : cross.mismatches.length === 0 && cross.compared > 0,
  });
  return targets;
}

/** The teacher's targets (bench/sets.mjs): wall time of whole runs, CPU time (all threads) and the load average beside it. */
function setsTargets(sets) {
  const run = (r, notRun = 'not run (BENCH_HEAVY=1)') =>
    r ? `${fmt(r.wallMs / 1000, 2)} s (CPU ${fmt(r.cpuMs / 1000, 2)} s, load ${r.load})` : notRun;
  const failed = sets.error !== undefined;
  const row = (name, r, maxS, extra = true, notRun = undefined) => ({
    name,
    value: failed ? `failed: ${sets.error}` : run(r, notRun),
    pass: failed ? false : r ? r.wallMs <= maxS * 1000 && extra : null,
  });
  return [
    row('generate 40 students × 10 questions → keys and HTML ≤ 5 s', sets.generateMs, 5),
    row('grade 40 × 10 answers (every one right) ≤ 1 s', sets.gradeMs, 1, sets.allRight === true),
    row(
      'generate --format pdf --only class: the class of 40 printed ≤ 15 s',
      sets.classPdfMs,
      15,
      true,
      'not run (no Chromium)',
    ),
    row('generate 1,000 students × 10 questions → keys and HTML ≤ 60 s', sets.thousandMs, 60),
  ];
}

function printReport(env, cold, cross, inproc, grading, targets, sets) {
  const out = [];
  out.push(
    `backprop-tutor bench — node ${env.node}, Python ${env.python ?? 'n/a'}, ${env.cpu} (${env.cpus} cpus), ${env.dist}`,
  );
  if (env.pythonLauncher) out.push(`python3 is a launcher for ${env.pythonExecutable}: both are timed`);
  out.push('');
  out.push(`Cold whole-process runs (median of ${cold.runs} after ${cold.warmup} warm-up rounds, round-robin)`);
  out.push(`  ${pad('command', 46)}${lpad('median ms', 10)}${lpad('min ms', 9)}${lpad('× node -e 0', 13)}`);
  for (const r of cold.rows) {
    if (r.skipped) out.push(`  ${pad(r.name, 46)}  (${r.skipped})`);
    else
      out.push(`  ${pad(r.name, 46)}${lpad(fmt(r.medianMs), 10)}${lpad(fmt(r.minMs), 9)}${lpad(fmt(r.ratio, 2), 13)}`);
  }
  out.push('');
  if (cross.skipped)
    out.push(`Cross-check with Python fractions: not run (${cross.error ?? 'python3 or solve did not run'})`);
  else {
    out.push(
      `Cross-check with Python fractions (${RELU8}): ${cross.compared} exact values compared, ${cross.mismatches.length} differ`,
    );
    out.push(`  loss       python ${cross.lossPython}   ours ${cross.lossOurs}`);
    out.push(`  loss_after python ${cross.lossAfterPython}   ours ${cross.lossAfterOurs}`);
    for (const m of cross.mismatches.slice(0, 10))
      out.push(`  ENGINE BUG? ${m.path}: python ${m.python}, ours ${m.ours}`);
  }
  out.push('');
  out.push(
    `In-process solve() median ms (relu hidden layers, identity output, half-sse, batch ${inproc.batch}; ${relative(ROOT, DIST)}/index.js)`,
  );
  out.push(`  ${pad('width \\ depth', 14)}${inproc.depths.map((d) => lpad(d, 10)).join('')}`);
  for (const w of inproc.widths) {
    const cells = inproc.depths.map((d) =>
      lpad(fmt(inproc.grid.find((g) => g.width === w && g.depth === d).medianMs, 2), 10),
    );
    out.push(`  ${pad(w, 14)}${cells.join('')}`);
  }
  const r8 = inproc.relu8;
  out.push(
    `  ${RELU8}: solve ${fmt(r8.solve.medianMs, 2)} ms (first call in a fresh process ${fmt(r8.firstCall.medianMs, 2)} ms),`,
  );
  out.push(`    load+solve ${fmt(r8.loadAndSolve.medianMs, 2)} ms, solve+JSON ${fmt(r8.solveAndJson.medianMs, 2)} ms`);
  out.push('');
  out.push('Exercises and grading, in-process');
  out.push(
    `  answers parsed + graded      ${lpad(grading.grading.answersPerSecond, 8)}/s   (one at a time; whole submissions ${grading.grading.submissionAnswersPerSecond}/s)`,
  );
  out.push(
    `  answers parsed + evaluated   ${lpad(grading.answers.answersPerSecond, 8)}/s   (parser alone, mixed notations)`,
  );
  out.push(
    `  preparing an exercise        ${lpad(grading.grading.prepareMs, 8)} ms  (solution + every misconception variant, once per exercise)`,
  );
  out.push(
    `  exercises generated          ${lpad(grading.exercises.exercisesPerSecond, 8)}/s   (${grading.exercises.kinds} template × difficulty kinds, new seeds)`,
  );
  out.push('');
  out.push(
    `Teacher sets, whole processes (${sets.students ?? 40} students × ${sets.questions ?? 10} questions, bench/sets/ten-questions.yaml)`,
  );
  if (sets.error) out.push(`  failed: ${sets.error}`);
  else {
    const line = (name, r) =>
      out.push(
        `  ${pad(name, 40)}${r ? `${lpad(fmt(r.wallMs / 1000, 2), 8)} s   (CPU ${fmt(r.cpuMs / 1000, 2)} s, load average ${r.load})` : '  not run (BENCH_HEAVY=1)'}`,
      );
    line('generate → keys and HTML', sets.generateMs);
    line('grade → grades.csv', sets.gradeMs);
    line('grade → report.html', sets.gradeReportMs);
    line('generate --format pdf --only class', sets.classPdfMs);
    line('generate --format pdf (every file)', sets.pdfMs);
    line('generate 1,000 students', sets.thousandMs);
  }
  out.push('');
  out.push('Targets (issues 3, 4, 5, 10, the quiz and the practice page)');
  const width = Math.max(...targets.map((t) => t.name.length));
  for (const t of targets) {
    const mark = t.pass === null ? ' n/a' : t.pass ? 'PASS' : 'MISS';
    out.push(`  [${mark}] ${pad(t.name, width)}  ${t.value}`);
  }
  console.log(out.join('\n'));
}

async function main() {
  ensureBuilt();
  const env = {
    date: new Date().toISOString(),
    node: process.version,
    python: python?.version ?? null,
    pythonExecutable: python?.executable ?? null,
    pythonLauncher: python?.launcher ?? false,
    dist: relative(ROOT, DIST) || '.',
    cpu: cpus()[0]?.model ?? 'unknown cpu',
    cpus: cpus().length,
  };
  const cold = runCold();
  let cross;
  try {
    cross = crossCheck(cold.outputs.get(PYTHON_RELU8), cold.outputs.get(SOLVE_RELU8));
  } catch (error) {
    cross = { compared: 0, mismatches: [], skipped: true, error: String(error) };
  }
  const inproc = await runInProcess();
  const grading = await runGradingBenches();
  const { runQuizBench } = await import('./quiz.mjs');
  const quiz = await runQuizBench(CLI, ROOT);
  const { runPracticeBench } = await import('./practice.mjs');
  let practice;
  try {
    practice = await runPracticeBench(CLI, ROOT);
  } catch (error) {
    practice = { exercises: 10, skipped: String(error.message ?? error).split('\n')[0] };
  }
  const { runSetsBench } = await import('./sets.mjs');
  let sets;
  try {
    sets = runSetsBench(CLI, ROOT);
  } catch (error) {
    sets = { error: String(error.message ?? error) };
  }
  const targets = [...evaluateTargets(cold, cross, inproc, grading, quiz, practice), ...setsTargets(sets)];
  printReport(env, cold, cross, inproc, grading, targets, sets);
  const { outputs: _outputs, ...coldResults } = cold;
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    `${JSON.stringify({ env, cold: coldResults, crossCheck: cross, inProcess: inproc, grading, quiz, sets, practice, targets }, null, 2)}\n`,
  );
  console.log('\nWritten to bench/results.json');
}

main()
  .catch((error) => {
    // A report, not a test: say what went wrong and still exit 0.
    console.error(`bench: ${error.stack ?? error}`);
  })
  .finally(() => {
    process.exitCode = 0;
  });
