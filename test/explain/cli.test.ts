// `backprop-tutor explain` from the bundled CLI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, type BuiltCli } from '../cli/build-cli';
import { TOPICS } from '../../src/explain';
import { escapeMarkdown } from '../../src/text/escape';

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
    expect(built.run('explain', 'sigmoid', '--format', 'pdf').status).toBe(2);
    expect(built.run('explain', 'softplus', '--format', 'html').status).toBe(2);
  });

  it("typesets a derivation as Markdown, HTML or LaTeX with the solutions' renderers", () => {
    const topic = TOPICS.find((t) => t.id === 'softmax-cross-entropy')!;
    const md = built.run('explain', topic.id, '--format', 'markdown');
    expect(md.status).toBe(0);
    expect(md.stdout.split('\n')[0]).toBe(`# ${escapeMarkdown(topic.title_en)}`);
    // Every step: its sentence, then its formula as a $$ block.
    for (const step of topic.steps) expect(md.stdout).toContain(`$$\n${step.latex}\n$$`);
    const html = built.run('explain', topic.id, '--format', 'html', '--lang', 'ja');
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(html.stdout).toContain('<html lang="ja">');
    expect(html.stdout).toContain(topic.title_ja);
    expect(html.stdout.match(/class="katex"/g)?.length).toBeGreaterThanOrEqual(topic.steps.length);
    expect(html.stdout).not.toMatch(/\\frac|\$\$/);
    const tex = built.run('explain', topic.id, '--format', 'latex');
    expect(tex.stdout).toMatch(/\\documentclass\[a4paper,11pt\]\{article\}/);
    expect(tex.stdout.trimEnd().endsWith('\\end{document}')).toBe(true);
  });

  it('puts every derivation in one document without a TOPIC', () => {
    const md = built.run('explain', '--format', 'markdown');
    expect(md.status).toBe(0);
    for (const t of TOPICS) expect(md.stdout).toContain(`## ${escapeMarkdown(t.title_en)}`);
  });
});
