import { describe, expect, it } from 'vitest';
import { sourceNames } from '../../src/explain/sources';
import { TOPICS } from '../../src/explain';

describe('sourceNames', () => {
  it('names every source a topic cites by what it is, never by its number', () => {
    for (const topic of TOPICS) {
      for (const lang of ['en', 'ja'] as const) expect(sourceNames(topic.sources, lang)).not.toMatch(/\b00\d\b/);
    }
  });

  it('joins names in each language', () => {
    expect(sourceNames(['001', '004'], 'en')).toBe('the E-shikaku notes, the layer-code notes');
    expect(sourceNames(['001', '004'], 'ja')).toBe('E資格のノート、レイヤのコードのノート');
  });
});
