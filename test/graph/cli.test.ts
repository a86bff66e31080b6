// `backprop-tutor solve GRAPH_FILE` from the bundled CLI: the JSON contract, the text output, a bad
// file's error, and networks still solved as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, type BuiltCli } from '../cli/build-cli';
import { loadNetwork } from '../../src/network/load';
import { solve } from '../../src/engine/solve';
import { solutionToJson } from '../../src/render/json';

describe('solve with a graph file', () => {
  let built: BuiltCli;
  let dir: string;
  beforeAll(() => {
    built = buildCli();
    dir = mkdtempSync(join(tmpdir(), 'graph-cli-'));
  });
  afterAll(() => {
    built?.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints {"value", "nodes", "gradients"} with the apple + orange numbers', () => {
    const { status, stdout, stderr } = built.run('solve', 'exercises/graphs/apple-orange.yaml', '--format', 'json');
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['value', 'nodes', 'gradients']);
    expect(json.value.exact).toBe('715');
    const g = Object.fromEntries(
      Object.entries(json.gradients as Record<string, { exact: string }>).map(([k, v]) => [k, v.exact]),
    );
    expect(g).toMatchObject({ apple_num: '110', apple: '11/5', orange: '33/10', orange_num: '165', tax: '650' });
    expect(Object.keys(json.value)).toEqual(['exact', 'approx', 'latex']);
  });

  it('prints forward and backward values as text', () => {
    const { status, stdout } = built.run('solve', 'exercises/graphs/chain-rule.yaml');
    expect(status).toBe(0);
    expect(stdout).toContain('  z = t² = 3² = 9\n');
    expect(stdout).toContain('    → t: 1 × (2 × t) = 1 × 6 = 6\n');
    expect(stdout).toContain('  ∂z/∂x = 6\n');
  });

  it('reports a bad graph file on one line with exit code 2', () => {
    const file = join(dir, 'cycle.yaml');
    writeFileSync(
      file,
      'graph:\n  inputs: {x: 1}\n  nodes:\n    - {name: a, op: add, args: [x, b]}\n    - {name: b, op: mul, args: [a, 2]}\n  output: b\n',
    );
    const { status, stdout, stderr } = built.run('solve', file, '--format', 'json');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `backprop-tutor: ${file}:4: graph.nodes[0].args[1]: cycle: a → b → a (each node uses the next; a node cannot depend on itself)\n`,
    );
  });

  it('still solves network files as before', () => {
    const { status, stdout } = built.run('solve', 'exercises/networks/mazur.yaml', '--format', 'json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(
      JSON.parse(JSON.stringify(solutionToJson(solve(loadNetwork('exercises/networks/mazur.yaml'))))),
    );
  });
});
