// solutions/ must match what `npm run solutions` would write now: every bundled example in exercises/
// has its worked solutions (HTML and Markdown, English and Japanese), and none is stale.
import { describe, expect, it } from 'vitest';
import { exampleFiles, existingSolutionFiles, solutionFiles } from '../../scripts/generate-solutions';
import { ROOT } from './helpers';

describe('solutions/', () => {
  it('is up to date with exercises/ and the renderers (if not: npm run solutions)', async () => {
    const expected = await solutionFiles(ROOT);
    const actual = existingSolutionFiles(ROOT);
    const stale = [...expected].filter(([path, content]) => actual.get(path) !== content).map(([path]) => path);
    const extra = [...actual.keys()].filter((path) => !expected.has(path));
    expect({ stale, extra }, 'solutions/ is stale: run `npm run solutions`').toEqual({ stale: [], extra: [] });
  });

  it('covers every bundled example, networks and graphs, in both languages', async () => {
    const files = [...(await solutionFiles(ROOT)).keys()];
    const examples = exampleFiles(ROOT);
    expect(examples).toContain('exercises/networks/mazur.yaml');
    expect(examples.some((f) => f.startsWith('exercises/graphs/'))).toBe(true);
    for (const example of examples) {
      const [, kind, name] = example.split('/');
      const stem = name.replace(/\.(ya?ml|json)$/, '');
      for (const suffix of ['.html', '.md', '.ja.html', '.ja.md'])
        expect(files).toContain(`solutions/${kind}/${stem}${suffix}`);
    }
  });
});
