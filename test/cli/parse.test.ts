// The one command-line parser built from the command table, in process and through the built CLI:
// unknown options, missing values, bad enum values, repeatable options, positionals, and every such
// message in English and Japanese; and the usage text, generated from the table, listing all of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECK, COMMANDS, EXERCISE, GLOBAL_OPTIONS, SOLVE } from '../../src/cli/commands';
import type { CommandSpec } from '../../src/cli/options';
import { parseCommand } from '../../src/cli/parse';
import { USAGE, USAGE_JA, UsageError, commandUsage } from '../../src/cli/usage';
import { TOPICS } from '../../src/explain';
import { text } from '../../src/text/lang';
import { buildCli, type BuiltCli } from './build-cli';

const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

const TOY = {
  name: 'toy',
  positionals: [
    {
      name: 'FILE',
      required: true,
      expected: text('a FILE', 'ファイル FILE'),
      description: text('The file.', 'ファイル。'),
    },
  ],
  options: {
    mode: {
      type: 'enum',
      short: 'm',
      values: ['fast', 'slow'],
      default: 'fast',
      description: text('Mode.', 'モード。'),
    },
    shape: { type: 'enum', values: ['round', 'square'], description: text('Shape.', '形。') },
    tag: { type: 'string', value: 'T', repeatable: true, description: text('A tag.', 'タグ。') },
    name: { type: 'string', short: 'n', value: 'NAME', description: text('A name.', '名前。') },
    count: { type: 'integer', value: 'N', min: 1, max: 9, description: text('A count.', '個数。') },
    quiet: { type: 'boolean', description: text('Quiet.', '静かに。') },
  },
  forms: [{ optional: ['mode'], description: text('Toy.', 'おもちゃ。') }],
} as const satisfies CommandSpec;

/** The UsageError `parseCommand(TOY, args)` throws. */
function usageError(args: string[]): UsageError {
  try {
    parseCommand(TOY, args);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`expected ${JSON.stringify(args)} to be rejected`);
}

describe('parseCommand', () => {
  it('gives typed values: defaults, repeatable lists in order, booleans, integers, positionals', () => {
    const none = parseCommand(TOY, ['f.yaml']);
    expect(none).toEqual({
      values: { mode: 'fast', shape: undefined, tag: [], name: undefined, count: undefined, quiet: false },
      positionals: ['f.yaml'],
    });
    const all = parseCommand(TOY, [
      '--tag',
      'b=1',
      'f.yaml',
      '-m',
      'slow',
      '--tag=a=2',
      '--shape',
      'round',
      '-n',
      'x',
      '--count',
      '3',
      '--quiet',
    ]);
    expect(all.values).toEqual({ mode: 'slow', shape: 'round', tag: ['b=1', 'a=2'], name: 'x', count: 3, quiet: true });
    // The types follow the table (checked by tsc): an enum is its values, a repeatable option a list.
    const mode: 'fast' | 'slow' = all.values.mode;
    const shape: 'round' | 'square' | undefined = all.values.shape;
    const tags: readonly string[] = all.values.tag;
    const count: number | undefined = all.values.count;
    expect([mode, shape, tags.length, count]).toEqual(['slow', 'round', 2, 3]);
    // @ts-expect-error an option the table does not have
    expect(all.values.colour).toBeUndefined();
    // After `--` everything is a positional.
    expect(parseCommand(TOY, ['--', '--mode']).positionals).toEqual(['--mode']);
  });

  it('an unknown option, a missing value, a value given to a flag: English as node wrote it, and Japanese', () => {
    const unknown = usageError(['f', '--bogus']);
    expect(unknown.messageIn('en')).toMatch(/^Unknown option '--bogus'/);
    expect(unknown.messageIn('ja')).toMatch(/^不明なオプション '--bogus' です。/);
    const missing = usageError(['f', '--name']);
    expect(missing.messageIn('en')).toMatch(/argument missing/);
    expect(missing.messageIn('ja')).toBe("オプション '-n, --name <value>' の値がありません");
    expect(usageError(['f', '--quiet=1']).messageIn('ja')).toBe("オプション '--quiet' は値を取りません");
    expect(usageError(['f', '--name', '--quiet']).messageIn('ja')).toMatch(
      /^オプション '--name' の値がありません.*'--name=-XYZ'/,
    );
  });

  it('a bad enum value names the allowed values, once for every option', () => {
    const mode = usageError(['f', '--mode', 'medium']);
    expect(mode.messageIn('en')).toBe('toy: --mode must be one of fast, slow, got "medium"');
    expect(mode.messageIn('ja')).toBe('toy: --mode は fast, slow のいずれかにしてください（指定値: "medium"）');
    expect(usageError(['f', '-m', 'x']).messageIn('en')).toBe('toy: --mode must be one of fast, slow, got "x"');
    expect(usageError(['f', '--shape=oval']).messageIn('en')).toBe(
      'toy: --shape must be one of round, square, got "oval"',
    );
  });

  it('an integer out of range or not an integer', () => {
    for (const bad of ['0', '10', '2.5', 'abc', '-1', '']) {
      const error = usageError(['f', `--count=${bad}`]);
      expect(error.messageIn('en')).toBe(`toy: --count must be an integer from 1 to 9, got "${bad}"`);
      expect(error.messageIn('ja')).toBe(`toy: --count は 1 から 9 までの整数にしてください（指定値: "${bad}"）`);
    }
  });

  it('a missing or an extra positional', () => {
    const missing = usageError([]);
    expect([missing.messageIn('en'), missing.messageIn('ja')]).toEqual([
      'toy: expected a FILE',
      'toy: ファイル FILE を指定してください',
    ]);
    const extra = usageError(['a', 'b']);
    expect(extra.messageIn('en')).toBe('toy: unexpected argument "b" (toy takes FILE)');
    expect(extra.messageIn('ja')).toBe('toy: 予期しない引数 "b" です（toy の引数は FILE だけです）');
  });

  it('the real commands: solve keeps its "en or ja", exercise rejects any argument, check repeats --answer', () => {
    expect(() => parseCommand(SOLVE, ['f', '--lang', 'fr'])).toThrow('solve: --lang must be en or ja, got "fr"');
    expect(() => parseCommand(EXERCISE, ['x'])).toThrow(
      'exercise: unexpected argument "x" (exercise takes no arguments, only options)',
    );
    expect(parseCommand(CHECK, ['e.json', '-a', 'a1=1', '--answer', 'a2=x=y']).values.answer).toEqual([
      'a1=1',
      'a2=x=y',
    ]);
    expect(parseCommand(EXERCISE, ['--seed', '4294967295']).values.seed).toBe(4294967295);
  });
});

describe('the usage text', () => {
  const usages = [USAGE, USAGE_JA] as const;

  it('documents every command, positional and option of the table (long and short), in both languages', () => {
    for (const usage of usages) {
      for (const spec of COMMANDS) {
        expect(usage).toContain(`  backprop-tutor ${spec.name} `);
        // The command's own section: every positional and option, then the next section.
        const start = usage.indexOf(
          usage === USAGE ? `\nOptions of ${spec.name}:\n` : `\n${spec.name} のオプション:\n`,
        );
        expect(start, spec.name).toBeGreaterThan(0);
        const section = usage.slice(start + 1, usage.indexOf('\n\n', start + 1));
        for (const p of spec.positionals) expect(section).toContain(`\n  ${p.name}\n`);
        for (const [name, option] of Object.entries(spec.options as CommandSpec['options'])) {
          const head = `\n  ${option.short === undefined ? '' : `-${option.short}, `}--${name}`;
          expect(section, `${spec.name} --${name}`).toContain(head);
          if (option.type === 'enum') expect(section).toContain(`${head} ${option.values.join('|')}`);
          if (option.type === 'enum' && option.default !== undefined)
            expect(section).toContain(usage === USAGE ? `(default: ${option.default})` : `（既定: ${option.default}）`);
          if (option.type === 'string' || option.type === 'integer')
            expect(section).toContain(`${head} ${option.value}`);
          // The option's description follows its line, in the usage's language.
          const description = option.description[usage === USAGE ? 'en' : 'ja'].split('\n')[0];
          expect(section).toContain(description);
        }
        // Every option appears in at least one synopsis line too.
        for (const name of Object.keys(spec.options)) {
          const synopses = usage
            .split('\n')
            .filter((line) => line.startsWith(`  backprop-tutor ${spec.name} `) || /^ {20,}\[?--/.test(line));
          expect(synopses.join('\n'), `${spec.name} --${name}`).toMatch(new RegExp(`--${name}\\b`));
        }
      }
      for (const option of GLOBAL_OPTIONS) expect(usage).toContain(`  backprop-tutor ${option.shown}\n`);
      for (const topic of TOPICS) expect(usage).toContain(topic.id);
    }
    expect(USAGE).not.toMatch(JAPANESE);
    expect(USAGE_JA).toMatch(JAPANESE);
  });
});

describe('the built CLI', () => {
  let cli: BuiltCli;
  let dir: string;
  beforeAll(() => {
    cli = buildCli();
    dir = mkdtempSync(join(tmpdir(), 'backprop-tutor-parse-'));
  });
  afterAll(() => {
    cli?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Exit 2, nothing on stdout, the reason on the first line, then the command's usage in that language. */
  function rejected(
    result: { status: number | null; stdout: string; stderr: string },
    reason: string,
    usage: string,
  ): void {
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toBe(`backprop-tutor: ${reason}`);
    expect(result.stderr.endsWith(`\n\n${usage}`)).toBe(true);
  }

  it('an unknown option, a missing value, a bad enum value of every command, in English and Japanese', () => {
    expect(cli.run('exercise', '--bogus').stderr).toMatch(/^backprop-tutor: Unknown option '--bogus'/);
    expect(cli.run('check', 'x.json', '--bogus', '--lang', 'ja').stderr).toMatch(
      /^backprop-tutor: 不明なオプション '--bogus' です。/,
    );
    rejected(
      cli.run('explain', '--lang', 'ja', '--format'),
      "オプション '-f, --format <value>' の値がありません",
      commandUsage('explain', 'ja'),
    );
    rejected(
      cli.run('check', 'x.json', '--format', 'xml'),
      'check: --format must be one of text, json, got "xml"',
      commandUsage('check', 'en'),
    );
    rejected(
      cli.run('check', 'x.json', '--format', 'xml', '--lang', 'ja'),
      'check: --format は text, json のいずれかにしてください（指定値: "xml"）',
      commandUsage('check', 'ja'),
    );
    rejected(
      cli.run('explain', '--format', 'pdf', '--lang=ja'),
      'explain: --format は text, json, markdown, html, latex のいずれかにしてください（指定値: "pdf"）',
      commandUsage('explain', 'ja'),
    );
    rejected(
      cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'exercise', '--difficulty', '4'),
      'exercise: --difficulty は 1, 2, 3 のいずれかにしてください（指定値: "4"）',
      commandUsage('exercise', 'ja'),
    );
    rejected(
      cli.run('exercise', '--seed', 'abc', '--lang', 'ja'),
      'exercise: --seed は 0 から 4294967295 までの整数にしてください（指定値: "abc"）',
      commandUsage('exercise', 'ja'),
    );
    rejected(
      cli.run('exercise', 'extra', '--lang', 'ja'),
      'exercise: 予期しない引数 "extra" です（exercise は引数を取らず、オプションだけを取ります）',
      commandUsage('exercise', 'ja'),
    );
    rejected(
      cli.run('explain', 'a', 'b'),
      'explain: unexpected argument "b" (explain takes [TOPIC])',
      commandUsage('explain', 'en'),
    );
  });

  it("check's and exercise's own command-line errors follow --lang", () => {
    const ex = join(dir, 'ex.json');
    writeFileSync(
      ex,
      JSON.stringify({
        template: 'custom',
        network: {
          layout: 'x-w',
          layers: [{ weights: [['0.5']], bias: ['0'], activation: 'identity' }],
          loss: 'half-sse',
          input: [['1']],
          target: [['0']],
          learning_rate: '1',
        },
        asks: [
          { id: 'a1', quantity: 'loss' },
          { id: 'a2', quantity: 'delta', layer: 0, index: [0, 0] },
        ],
        expected: {},
      }),
    );
    // A repeatable option: both answers are graded, in order.
    const graded = cli.run('check', ex, '--answer', 'a1=1/8', '-a', 'a2=0.5', '--format', 'json');
    expect(graded.status, graded.stderr).toBe(0);
    expect(JSON.parse(graded.stdout).results.map((r: { ask: string; status: string }) => [r.ask, r.status])).toEqual([
      ['a1', 'correct'],
      ['a2', 'correct'],
    ]);
    const cases: readonly (readonly [string[], string, string])[] = [
      [[ex], 'check: give at least one --answer ASK=VALUE', 'check: --answer ASK=VALUE を1つ以上指定してください'],
      [
        [ex, '--answer', 'a9=1'],
        'check: --answer a9: the exercise has no ask "a9" (its asks: a1, a2)',
        'check: --answer a9: この演習に "a9" という問いはありません（問い: a1, a2）',
      ],
      [
        [ex, '--answer', 'a1'],
        'check: --answer expects ASK=VALUE (e.g. --answer a1=0.15), got "a1"',
        'check: --answer は ASK=VALUE の形で指定してください',
      ],
      [
        [ex, '--answer', 'a1=1', '--answer', 'a1=2'],
        'check: --answer a1 is given twice',
        'check: --answer a1 が2回指定されています',
      ],
      [
        [ex, '--hint', 'a1=7'],
        'check: --hint a1=7: this ask has hints 1..',
        'check: --hint a1=7: この問いのヒントは 1〜',
      ],
      [
        [ex, '--hint', 'a1', '--answer', 'a1=1'],
        'check: ask for a --hint, or grade --answer; not both at once',
        'check: --hint（ヒントの表示）と --answer（採点）は同時に使えません',
      ],
      [
        [ex, '--answer', 'a1=1', '--hints-used', 'a1=x'],
        'check: --hints-used a1=x: expected a count',
        'check: --hints-used a1=x: 1 や 2 のような個数を指定してください',
      ],
      [
        ['exercises/networks/mazur.yaml', '--work', 'w.yaml', '--answer', 'a1=1'],
        'check: --work checks your own work',
        'check: --work はネットワークについての自分の手計算を確かめます',
      ],
      [
        [],
        'check: expected an EXERCISE.json (with --answer) or a NETWORK file (with --work)',
        'check: 演習のファイル EXERCISE.json（--answer とともに）またはネットワークのファイル（--work とともに）を指定してください',
      ],
    ];
    for (const [args, en, ja] of cases) {
      const english = cli.run('check', ...args);
      expect(english.status).toBe(2);
      expect(english.stderr.split('\n')[0]).toContain(`backprop-tutor: ${en}`);
      for (const japanese of [
        cli.run('check', ...args, '--lang', 'ja'),
        cli.runWithEnv({ BACKPROP_TUTOR_LANG: 'ja' }, 'check', ...args),
      ]) {
        expect(japanese.status).toBe(2);
        expect(japanese.stderr.split('\n')[0], args.join(' ')).toContain(`backprop-tutor: ${ja}`);
        expect(japanese.stderr.endsWith(`\n\n${commandUsage('check', 'ja')}`)).toBe(true);
      }
    }
    const template = cli.run('exercise', '--template', 'nope', '--lang', 'ja');
    expect(template.stderr.split('\n')[0]).toMatch(
      /^backprop-tutor: exercise: "nope" というテンプレートはありません。テンプレート: forward-pass, /,
    );
  });
});
