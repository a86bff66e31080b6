// `backprop-tutor explain` from the bundled CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../cli/build-cli';
import { TOPICS } from '../../src/explain';

describe('explain', () => {
  let built: BuiltCli;
  beforeAll(() => {
    built = buildCli();
  });
  afterAll(() => built?.remove());

  it('lists the topics without a TOPIC', () => {
    const { status, stdout } = built.run('explain');
    expect(status).toBe(0);
    for (const t of TOPICS) expect(stdout).toContain(`  ${t.id} `);
  });

  it('prints a derivation as text, in English or Japanese', () => {
    const en = built.run('explain', 'sigmoid');
    expect(en.status).toBe(0);
    expect(en.stdout).toContain('dy/dx = y(1 − y)');
    const ja = built.run('explain', 'sigmoid', '--lang', 'ja');
    expect(ja.stdout).toContain('計算グラフ');
  });

  it('prints JSON', () => {
    const { status, stdout } = built.run('explain', 'affine', '--format', 'json', '--lang', 'ja');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.id).toBe('affine');
    expect(json.steps.length).toBe(TOPICS.find((t) => t.id === 'affine')!.steps.length);
    expect(JSON.parse(built.run('explain', '--format', 'json').stdout)).toHaveLength(TOPICS.length);
  });

  it('rejects an unknown topic or option with exit code 2', () => {
    const unknown = built.run('explain', 'softplus');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown topic "softplus"; topics: chain-rule, sigmoid');
    expect(built.run('explain', 'sigmoid', '--lang', 'fr').status).toBe(2);
    expect(built.run('explain', 'sigmoid', '--format', 'html').status).toBe(2);
  });
});
