// What the practice page reads back from localStorage: its own JSON as written, and a fresh start
// from anything else (nothing stored, another shape, broken JSON), never an error.
import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, readProgress, withAsk } from '../../src/web/progress';

describe('readProgress', () => {
  it('reads back what the page stored', () => {
    const p = withAsk(
      withAsk({ ...EMPTY_PROGRESS, student: 's-1' }, '1.a1', { typed: '0.5', entered: '0.5' }),
      '2.a3',
      {
        hints: 2,
        missed: true,
      },
    );
    expect(readProgress(JSON.stringify(p))).toEqual({
      version: 1,
      student: 's-1',
      asks: {
        '1.a1': { typed: '0.5', entered: '0.5', hints: 0, missed: false },
        '2.a3': { typed: '', entered: null, hints: 2, missed: true },
      },
    });
  });

  it('starts afresh from nothing, broken JSON or another shape, and drops unreadable asks', () => {
    for (const stored of [null, '', '{', 'null', '[]', '{"version":2,"student":"","asks":{}}', '{"version":1}'])
      expect(readProgress(stored)).toEqual(EMPTY_PROGRESS);
    const mixed = JSON.stringify({
      version: 1,
      student: 'x',
      asks: {
        '1.a1': { typed: 1, entered: null, hints: 0, missed: false },
        '1.a2': { typed: 'a', entered: null, hints: -1, missed: false },
      },
    });
    expect(readProgress(mixed)).toEqual({ version: 1, student: 'x', asks: {} });
  });
});
