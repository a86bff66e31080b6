// `solve --format latex|markdown|html|pdf` with --form, --lang and --output as a whole process (the
// bundled CLI, built privately): the outputs, the messages in both languages, and the usage errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildCli, ROOT, type BuiltCli } from '../cli/build-cli';
import { findChromium } from '../../src/render/pdf';

let cli: BuiltCli;
let dir: string;
const MAZUR = 'exercises/networks/mazur.yaml';
const APPLE = 'exercises/graphs/apple.yaml';

beforeAll(() => {
  cli = buildCli();
  dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-worked-'));
});

afterAll(() => {
  cli?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Runs the CLI with extra environment variables. */
function runWithEnv(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli.cli, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function usageError(args: string[], message: string): void {
  const { status, stdout, stderr } = cli.run(...args);
  expect(status).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.split('\n')[0]).toBe(`backprop-tutor: ${message}`);
}

describe('worked-solution formats', () => {
  it('prints Markdown and LaTeX on standard output', () => {
    const md = cli.run('solve', MAZUR, '--format', 'markdown', '--form', 'scalar');
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# Worked solution: mazur\.yaml\n/);
    expect(md.stdout).toContain('## Backward pass: the chain rule for each weight');
    expect(md.stdout).not.toContain('matrix form');
    const tex = cli.run('solve', MAZUR, '--format', 'latex', '--form', 'matrix', '--lang', 'ja');
    expect(tex.status).toBe(0);
    expect(tex.stdout).toContain('\\documentclass[a4paper,11pt]{ltjsarticle}');
    expect(tex.stdout).toContain('逆伝播: 行列表現');
    expect(tex.stdout).not.toContain('重みごとの連鎖律');
  });

  it('writes HTML to --output and says so in the chosen language', () => {
    const out = join(dir, 'mazur.html');
    const { status, stdout, stderr } = cli.run('solve', MAZUR, '--format', 'html', '--lang', 'ja', '--output', out);
    expect(status).toBe(0);
    expect(stdout).toBe('');
    const html = readFileSync(out, 'utf8');
    expect(stderr).toBe(`backprop-tutor: ${out} に書き出しました（${Buffer.byteLength(html)} バイト）\n`);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="ja">/);
    expect(html).toContain('途中式つきの解説: mazur.yaml');
  });

  it('renders a computational-graph file with the same renderers', () => {
    const { status, stdout } = cli.run('solve', APPLE, '--format', 'markdown');
    expect(status).toBe(0);
    expect(stdout).toContain('## Forward pass');
    expect(stdout).toContain('100 \\times 2 = 200');
  });

  it('rejects a bad --form, --lang, or options that do not apply', () => {
    usageError(
      ['solve', MAZUR, '--format', 'html', '--form', 'rows'],
      'solve: --form must be one of scalar, matrix, both, got "rows"',
    );
    usageError(['solve', MAZUR, '--format', 'html', '--lang', 'fr'], 'solve: --lang must be en or ja, got "fr"');
    usageError(['solve', MAZUR, '--form', 'scalar'], 'solve: --form applies to --format latex, markdown, html, pdf');
    usageError(
      ['solve', MAZUR, '--output', join(dir, 'x.txt')],
      'solve: --output applies to --format latex, markdown, html, pdf',
    );
  });

  it('explains, in one line, that a PDF needs a browser when there is none', () => {
    const missing = join(dir, 'no-such-chromium');
    const result = runWithEnv(
      { BACKPROP_TUTOR_CHROMIUM: missing },
      'solve',
      MAZUR,
      '--format',
      'pdf',
      '--output',
      join(dir, 'x.pdf'),
    );
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`no Chromium browser found (looked for ${missing})`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    const ja = runWithEnv(
      { BACKPROP_TUTOR_CHROMIUM: missing },
      'solve',
      MAZUR,
      '--format',
      'pdf',
      '--lang',
      'ja',
      '--output',
      join(dir, 'x.pdf'),
    );
    expect(ja.stderr).toContain('PDFを作れません: Chromiumが見つかりません');
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it.runIf(findChromium() !== null)('prints a PDF with headless Chromium', () => {
    const out = join(dir, 'mazur.pdf');
    const { status, stderr } = cli.run('solve', MAZUR, '--format', 'pdf', '--output', out);
    expect(status, stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
