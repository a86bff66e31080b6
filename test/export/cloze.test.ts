// Cloze sub-questions against Moodle's own reading of them: its regular expressions for an answer
// alternative and its feedback (qtype_multianswer, transcribed), and its one html_entity_decode of
// the feedback. Text with every character Cloze treats specially comes through as its HTML.
import { describe, expect, test } from 'vitest';
import { clozeFeedback, clozeText, numericalSubquestion } from '../../src/export/cloze';
import { numericKey } from '../../src/export/tolerance';
import { escapeHtml } from '../../src/text/escape';

// Moodle: ANSWER_ALTERNATIVE_FRACTION_REGEX, _ANSWER_REGEX, _FEEDBACK_REGEX, ANSWER_START_REGEX.
const FRACTION = '=|%(-?[0-9]+)%';
const ANSWER = '.+?(?<!\\\\|&|&amp;)(?=[~#}]|$)';
const FEEDBACK = '.*?(?<!\\\\)(?=[~}]|$)';
const ALTERNATIVE = `(${FRACTION})?(${ANSWER})(#(${FEEDBACK}))?`;
const SUBQUESTION = new RegExp(
  `\\{([0-9]*):((NUMERICAL|NM)|(MULTICHOICE|MC)|(SHORTANSWER|SA|MW)):(${ALTERNATIVE}(~${ALTERNATIVE})*)\\}`,
  'gs',
);
const NUMBER = '-?(([0-9]+[.,]?[0-9]*|[.,][0-9]+)([eE][-+]?[0-9]+)?)';
const NUMERICAL = new RegExp(`^(${NUMBER})(:${NUMBER})?$`, 's');

/** PHP's html_entity_decode for the entities our HTML uses. */
const decode = (s: string) =>
  s.replace(/&(#(\d+)|amp|lt|gt|quot|#39);/g, (_, name: string, code?: string) =>
    code !== undefined ? String.fromCharCode(Number(code)) : ({ amp: '&', lt: '<', gt: '>', quot: '"' }[name] ?? ''),
  );

const NASTY = 'a < b & c > d "q" \'s\' {1:NUMERICAL:=1} } ~ # \\ &lt; ]]>';

describe('Cloze syntax', () => {
  test('a sub-question is read by Moodle as one NUMERICAL answer with its tolerance and feedback', () => {
    const key = numericKey({ exact: '-1/3', approx: '-0.3333333333333333333333333333333333', latex: '' });
    const html = `<p>before ${clozeText(NASTY)}</p><p>${numericalSubquestion(3n, key, NASTY)}</p><p>${clozeText(NASTY)}</p>`;
    const found = [...html.matchAll(SUBQUESTION)];
    expect(found).toHaveLength(1);
    const [, weight, , numerical] = found[0];
    expect([weight, numerical]).toEqual(['3', 'NUMERICAL']);
    const alternative = new RegExp(`^${ALTERNATIVE}$`, 's').exec(found[0][6]);
    expect(alternative?.[1]).toBe('=');
    const number = NUMERICAL.exec(alternative?.[3] ?? '');
    expect([number?.[1], number?.[6]]).toEqual(['-0.333333333333', '0.0005']);
    // Moodle unescapes \} and \# after decoding; none are written, so the decoded text is the HTML.
    expect(decode(alternative?.[5] ?? '')).toBe(escapeHtml(NASTY));
  });

  test('text around sub-questions never looks like one, and shows as written', () => {
    expect(clozeText(NASTY)).not.toMatch(/[{}]/);
    expect(decode(clozeText(NASTY))).toBe(NASTY);
    expect(clozeFeedback('x')).toBe('x');
  });
});
