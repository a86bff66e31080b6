// The CLI's own words in Japanese: --lang ja (anywhere, or --lang=ja) or BACKPROP_TUTOR_LANG=ja turn
// bad-file errors, command-line errors and the usage text Japanese; English stays as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cliLang, langFlag } from '../../src/cli/lang';
import { USAGE, USAGE_JA, UsageError, commandUsage, usage, usageMessage } from '../../src/cli/usage';
import { buildCli, type BuiltCli } from './build-cli';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe('which language the CLI speaks', () => {
  it('the last --lang X or --lang=X before --, else BACKPROP_TUTOR_LANG, else English', () => {
    expect(langFlag(['solve', 'f.yaml', '--lang', 'ja'])).toBe('ja');
    expect(langFlag(['--lang=ja', 'solve'])).toBe('ja');
    expect(langFlag(['--lang', 'ja', '--lang=en'])).toBe('en');
    expect(langFlag(['solve', '--', '--lang', 'ja'])).toBe(null);
    expect(langFlag(['solve', '--lang'])).toBe(null);
    expect(cliLang(['solve', 'f', '--lang', 'ja'], {})).toBe('ja');
    expect(cliLang(['solve', 'f'], { BACKPROP_TUTOR_LANG: 'ja' })).toBe('ja');
    expect(cliLang(['solve', 'f'], { BACKPROP_TUTOR_LANG: ' JA ' })).toBe('ja');
    expect(cliLang(['solve', 'f', '--lang', 'en'], { BACKPROP_TUTOR_LANG: 'ja' })).toBe('en');
    // An unsupported --lang is the command's error to report; the message then follows the environment.
    expect(cliLang(['solve', 'f', '--lang', 'fr'], { BACKPROP_TUTOR_LANG: 'ja' })).toBe('ja');
    expect(cliLang(['solve', 'f'], { BACKPROP_TUTOR_LANG: 'fr' })).toBe('en');
    expect(cliLang(['solve', 'f'], {})).toBe('en');
  });
});

describe('the Japanese usage text', () => {
  // The lines that match, without a one-line description after 3+ spaces (`--help       Show this help.`).
  const lines = (text: string, pattern: RegExp) =>
    text
      .split('\n')
      .filter((line) => pattern.test(line))
      .map((line) => line.replace(/(\S) {3,}.*$/, '$1'));

  it("has the English one's commands, synopses, flags and examples, and its Japanese headings", () => {
    // Every synopsis (a line starting with `  backprop-tutor`, or its continuation `[--…]`) is the same.
    const synopsis = /^ {2}backprop-tutor |^ {19,}\[/;
    expect(lines(USAGE_JA, synopsis)).toEqual(lines(USAGE, synopsis));
    expect(lines(USAGE_JA, synopsis).length).toBeGreaterThan(15);
    const flags = (text: string) => [...new Set(text.match(/--[a-z][a-z-]*/g))].sort();
    expect(flags(USAGE_JA)).toEqual(flags(USAGE));
    expect(USAGE).toContain('BACKPROP_TUTOR_LANG=en|ja');
    expect(USAGE_JA).toContain('BACKPROP_TUTOR_LANG=en|ja');
    for (const heading of ['使い方:', '環境変数:', '例:', '終了コード:']) expect(USAGE_JA).toContain(`\n${heading}`);
    for (const heading of ['Usage:', 'Environment:', 'Examples:', 'Exit codes:'])
      expect(USAGE).toContain(`\n${heading}`);
    expect(USAGE_JA).not.toContain('Usage:');
    for (const term of ['誤差逆伝播法', '順伝播', '勾配', '連鎖律', '演習', '採点', 'ヒント', '有効数字'])
      expect(USAGE_JA).toContain(term);
    expect(usage('en')).toBe(USAGE);
    expect(usage('ja')).toBe(USAGE_JA);
  });
});

describe('command-line error messages', () => {
  const parseError = (args: string[]): Error => {
    try {
      parseArgs({
        args,
        options: { format: { type: 'string', short: 'f' }, list: { type: 'boolean' } },
        strict: true,
        allowPositionals: false,
      });
    } catch (error) {
      return error as Error;
    }
    throw new Error('expected parseArgs to fail');
  };

  it("translates node:util parseArgs's errors, and leaves English as Node wrote it", () => {
    const unknown = parseError(['--bogus']);
    expect(usageMessage(unknown, 'en')).toBe(unknown.message);
    expect(usageMessage(unknown, 'ja')).toMatch(/^不明なオプション '--bogus' です。/);
    expect(usageMessage(parseError(['--format']), 'ja')).toBe("オプション '-f, --format <value>' の値がありません");
    expect(usageMessage(parseError(['--list=3']), 'ja')).toBe("オプション '--list' は値を取りません");
    expect(usageMessage(parseError(['--format', '--list']), 'ja')).toMatch(
      /^オプション '--format' の値がありません.*'--format=-XYZ'/,
    );
    expect(usageMessage(parseError(['stray']), 'ja')).toBe("予期しない引数 'stray' です");
  });

  it('a UsageError carries both languages; one string serves both', () => {
    const both = new UsageError({ en: 'solve: bad', ja: 'solve: だめ' });
    expect([both.message, usageMessage(both, 'en'), usageMessage(both, 'ja')]).toEqual([
      'solve: bad',
      'solve: bad',
      'solve: だめ',
    ]);
    const one = new UsageError('check: bad');
    expect(usageMessage(one, 'ja')).toBe('check: bad');
  });
});

describe('the CLI in Japanese', () => {
  let cli: BuiltCli;
  let dir: string;

  beforeAll(() => {
    cli = buildCli();
    dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-lang-'));
  });

  afterAll(() => {
    cli?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  /** Exit 2, nothing on stdout, one line on stderr: `backprop-tutor: PREFIX…`, no stack trace. */
  function oneLine(result: { status: number | null; stdout: string; stderr: string }, prefix: string): string {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.endsWith('\n')).toBe(true);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr.startsWith(`backprop-tutor: ${prefix}`), result.stderr).toBe(true);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|\.ts:\d+|\.js:\d+/);
    return result.stderr.slice(`backprop-tutor: ${prefix}`.length).trimEnd();
  }

  // [name, file text, prefix after `path`, a Japanese phrase, an English phrase of the same error]
  const networkLayers = (layer: string) =>
    `layers:\n${layer}\nloss: half-sse\ninput: [[1]]\ntarget: [[1, 2]]\nlearning_rate: 0.5\n`;
  const badFiles: readonly (readonly [string, string, string, string, string])[] = [
    [
      'shape.yaml',
      'layers:\n  - weights: [[1, 2], [3, 4]]\n    activation: sigmoid\n  - weights: [[1, 2, 3]]\n    activation: sigmoid\nloss: half-sse\ninput: [[1, 2]]\ntarget: [[1, 2, 3]]\nlearning_rate: 0.5\n',
      ':4: layers[1].weights: ',
      '重みは 2 行（入力）× 3 列（ユニット）',
      'expected 2 rows (inputs) × 3 columns (units)',
    ],
    [
      'activation.yaml',
      networkLayers('  - weights: [[1, 2]]\n    activation: sigmod'),
      ':3: layers[0].activation: ',
      '活性化関数として identity, sigmoid',
      'expected one of identity, sigmoid',
    ],
    [
      'missing.yaml',
      networkLayers('  - weights: [[1, 2]]'),
      ':2: layers[0].activation: ',
      '必須のフィールドがありません',
      'missing required field',
    ],
    [
      'syntax.yaml',
      'layers:\n  - weights: [[1]\n    activation: identity\n',
      ':3: ',
      'YAML または JSON として正しくありません',
      'not valid YAML or JSON',
    ],
    [
      'rate.json',
      '{"layers": [{"weights": [[1, 2]], "activation": "identity"}], "loss": "sse", "input": [[1]], "target": [[1, 2]], "learning_rate": -1}',
      ':1: learning_rate: ',
      '学習率には正の数を指定してください',
      'expected a positive number',
    ],
    [
      'target.yaml',
      'layers:\n  - weights: [[1, 2]]\n    activation: identity\nloss: sse\ninput: [[1]]\ntarget: [[1, 2, 3]]\nlearning_rate: 1\n',
      ':6: target[0]: ',
      '教師データの各行には 2 個の数が必要',
      'expected 2 numbers per row',
    ],
    [
      'cycle.yaml',
      'graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: a, op: add, args: [x, b]}\n    - {name: b, op: mul, args: [a, 2]}\n  output: b\n',
      ':4: graph.nodes[0].args[1]: ',
      '循環しています: a → b → a',
      'cycle: a → b → a',
    ],
    [
      'unknown-name.yaml',
      'graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: out, op: mul, args: [x, z]}\n  output: out\n',
      ':4: graph.nodes[0].args[1]: ',
      '不明な名前 "z" です',
      'unknown name "z"',
    ],
    [
      'log.yaml',
      'graph:\n  inputs: {x: 0}\n  nodes:\n    - {name: out, op: log, args: [x]}\n  output: out\n',
      ':4: graph.nodes[0]: ',
      '計算できません: log(0)',
      'cannot be evaluated: log(0)',
    ],
    [
      'graph-field.yaml',
      'graph:\n  inputs: {x: 1}\n  nodes: [{name: out, op: exp, args: [x], value: 3}]\n  output: out\n',
      ':3: graph.nodes[0].value: ',
      '不明なフィールドです（ノードのフィールドは name, op, args）',
      'unknown field (a node has name, op, args)',
    ],
  ];

  it.each(badFiles)(
    '%s: one Japanese line with the English prefix (--lang ja, --lang=ja, BACKPROP_TUTOR_LANG=ja)',
    (name, text, where, ja, en) => {
      const path = file(name, text);
      const prefix = `${path}${where}`;
      for (const result of [
        cli.run('solve', path, '--lang', 'ja'),
        cli.run('--lang=ja', 'solve', path),
        cli.run('solve', '--lang', 'ja', path, '--format', 'json'),
        cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'solve', path),
      ]) {
        const words = oneLine(result, prefix);
        expect(words).toContain(ja);
        expect(words).toMatch(JAPANESE);
        // Only the YAML parser's own detail, in brackets at the end, stays English.
        expect(words.replace(/（[A-Z][^（）]*）$/, '')).not.toMatch(/\b(expected|got|unknown|missing|must)\b/);
      }
      // English: unchanged, also when the environment says ja but the command line says en.
      for (const result of [
        cli.run('solve', path),
        cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'solve', path, '--lang', 'en'),
      ]) {
        const words = oneLine(result, prefix);
        expect(words).toContain(en);
        expect(words).not.toMatch(JAPANESE);
      }
    },
  );

  it('a file that does not exist', () => {
    const path = join(dir, 'nope.yaml');
    expect(oneLine(cli.run('solve', path, '--lang', 'ja'), `${path}: `)).toBe('ファイルが見つかりません');
    expect(oneLine(cli.run('solve', path), `${path}: `)).toBe('no such file');
  });

  it('--help --lang ja (and help with BACKPROP_TUTOR_LANG=ja) prints the Japanese usage', () => {
    for (const result of [
      cli.run('--help', '--lang', 'ja'),
      cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'help'),
      cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }),
      cli.run('--lang', 'ja'),
    ]) {
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(USAGE_JA);
    }
    expect(cli.run('--help').stdout).toBe(USAGE);
    expect(cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, '--help', '--lang', 'en').stdout).toBe(USAGE);
  });

  /**
   * A bad command line in Japanese: exit 2, `backprop-tutor: REASON`, a blank line, the Japanese usage of
   * the command (the whole usage when there is no known command).
   */
  function japaneseUsageError(
    result: { status: number | null; stdout: string; stderr: string },
    reason: string,
    command = /^(\w+):/.exec(reason)?.[1],
  ): void {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`backprop-tutor: ${reason}`), result.stderr).toBe(true);
    expect(result.stderr.endsWith(`\n\n${command ? commandUsage(command, 'ja') : USAGE_JA}`)).toBe(true);
    expect(result.stderr).not.toContain('Usage:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }

  it('an unknown flag, a bad --format or --form, a missing FILE, an unknown command: Japanese reason and usage', () => {
    japaneseUsageError(
      cli.run('solve', 'exercises/networks/mazur.yaml', '--bogus', '--lang', 'ja'),
      "不明なオプション '--bogus' です",
      'solve',
    );
    japaneseUsageError(
      cli.run('solve', 'exercises/networks/mazur.yaml', '--format', 'xml', '--lang', 'ja'),
      'solve: --format は text, json, latex, markdown, html, pdf のいずれかにしてください（指定値: "xml"）',
    );
    japaneseUsageError(
      cli.run('solve', 'exercises/networks/mazur.yaml', '--format', 'html', '--form', 'tensor', '--lang', 'ja'),
      'solve: --form は scalar, matrix, both のいずれかにしてください（指定値: "tensor"）',
    );
    japaneseUsageError(
      cli.run('solve', 'exercises/networks/mazur.yaml', '--form', 'scalar', '--lang', 'ja'),
      'solve: --form は --format latex, markdown, html, pdf のときだけ使えます',
    );
    japaneseUsageError(cli.run('solve', '--lang', 'ja'), 'solve: ネットワークのファイル FILE を指定してください');
    japaneseUsageError(cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'frobnicate'), '不明なコマンド "frobnicate" です');
    // Another command's detail (here explain's own Japanese message) in the Japanese frame.
    japaneseUsageError(cli.run('explain', 'nothing', '--lang', 'ja'), 'explain: "nothing" というトピックはありません');
    // English frame and reason unchanged.
    const english = cli.run('solve', 'exercises/networks/mazur.yaml', '--bogus');
    expect(english.stderr).toMatch(/^backprop-tutor: Unknown option '--bogus'/);
    expect(english.stderr.endsWith(`\n\n${commandUsage('solve', 'en')}`)).toBe(true);
  });

  it("CMD --help and a bad CMD command line show CMD's part of the usage, and say where the rest is", () => {
    for (const lang of ['en', 'ja'] as const) {
      const help = cli.run('exercise', '--help', '--lang', lang);
      expect(help.status).toBe(0);
      expect(help.stdout).toBe(commandUsage('exercise', lang));
      expect(help.stdout).toContain('backprop-tutor exercise --list');
      expect(help.stdout).not.toContain('backprop-tutor solve FILE');
      expect(help.stdout.trimEnd().split('\n').at(-1)).toContain('backprop-tutor --help');
      const bad = cli.run('exercise', '--template', 'nope', '--lang', lang);
      expect(bad.status).toBe(2);
      expect(bad.stderr.endsWith(`\n\n${commandUsage('exercise', lang)}`)).toBe(true);
      expect(bad.stderr.split('\n').length).toBeLessThan(40);
    }
  });

  it('BACKPROP_TUTOR_LANG is the default --lang of the commands; a bad value is a usage error', () => {
    const list = cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'exercise', '--list');
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^テンプレート/);
    expect(cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'exercise', '--list', '--lang', 'en').stdout).toMatch(
      /^Templates/,
    );
    const bad = cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'fr' }, 'exercise', '--list');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^backprop-tutor: BACKPROP_TUTOR_LANG must be en or ja, got "fr"\n\nUsage:\n {2}backprop-tutor exercise /,
    );
    expect(bad.stderr).toContain('Every command, the environment and the exit codes: backprop-tutor --help');
    // An explicit --lang makes the environment irrelevant.
    expect(cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'fr' }, 'exercise', '--list', '--lang', 'en').status).toBe(0);
  });
});
