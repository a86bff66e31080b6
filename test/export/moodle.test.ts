// Moodle XML read back with fast-xml-parser (not the library that wrote it) and held to the structure
// Moodle documents for its XML import: quiz > question[type=category] (category > text, a
// $course$/top/… path) followed by its question[type=cloze] (name, questiontext and generalfeedback
// in HTML); the Cloze sub-questions found with the syntax Moodle's parser reads; every answer against
// an independent float64 recomputation, its tolerance against the rounded value and a wrong one.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, test } from 'vitest';
import { moodleXml } from '../../src/export/moodle';
import type { ExportSet } from '../../src/export/questions';
import { escapeHtml } from '../../src/text/escape';
import { Decimal } from '../../src/number/value';
import { agrees, exported, floatValue, referenceValue, SETS } from './fixtures';

interface Node {
  readonly [key: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'question',
  parseTagValue: false,
  trimValues: false,
  cdataPropName: false,
});

/** Moodle's Cloze syntax for a NUMERICAL sub-question: {weight:NUMERICAL:=answer:tolerance#feedback}. */
const SUBQUESTION =
  /\{([0-9]*):(?:NUMERICAL|NM):=(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?):(-?(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?)(?:#((?:[^~}\\]|\\.)*))?\}/g;

/** What Moodle stores as a feedback: its HTML entities decoded once (html_entity_decode). */
function decodeOnce(text: string): string {
  return text.replace(/&(#(\d+)|amp|lt|gt|quot|#39);/g, (_, name: string, code?: string) => {
    if (code !== undefined) return String.fromCharCode(Number(code));
    return { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }[name] ?? '';
  });
}

const text = (node: unknown): string => {
  const t = (node as Node).text;
  return typeof t === 'string' ? t : String((t as Node)['#text'] ?? '');
};

describe.each(SETS)('Moodle XML of %s', (file) => {
  const VARIANTS = 3;
  let set: ExportSet;
  let questions: Node[];

  beforeAll(async () => {
    set = await exported(file, VARIANTS);
    const xml = moodleXml(set);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml) as { quiz: { question: Node[] } };
    questions = doc.quiz.question;
  }, 120_000);

  test('quiz > a category per set question, then one cloze question per variant', () => {
    expect(questions.length).toBe(set.questions.length * (1 + VARIANTS));
    set.questions.forEach((q, i) => {
      const group = questions.slice(i * (1 + VARIANTS), (i + 1) * (1 + VARIANTS));
      expect(group[0]['@type']).toBe('category');
      const path = text(group[0].category);
      expect(path.startsWith('$course$/top/')).toBe(true);
      expect(path.split(/(?<!\/)\/(?!\/)/)).toHaveLength(4);
      expect(path).toMatch(set.lang === 'ja' ? new RegExp(`/問題 ${q.n}$`) : new RegExp(`/Question ${q.n}$`));
      for (const cloze of group.slice(1)) {
        expect(cloze['@type']).toBe('cloze');
        expect(text(cloze.name)).not.toBe('');
        expect((cloze.questiontext as Node)['@format']).toBe('html');
        expect((cloze.generalfeedback as Node)['@format']).toBe('html');
      }
      // The general feedback: each numeric ask's worked steps (MathML), or its hints where no step shows it alone.
      q.variants.forEach((variant, v) => {
        const feedback = text(group[1 + v].generalfeedback);
        for (const ask of variant.blanks.asks) {
          const section = feedback.split('<section').find((s) => s.includes(`-sec-${ask.id}"`)) ?? '';
          const hints = variant.exercise.hints[ask.id] ?? [];
          const shown = section.includes('class="step"') && section.includes('<math');
          expect(shown || hints.every((h) => section.includes(escapeHtml(h))), `${ask.id}: ${section}`).toBe(true);
          expect(section).not.toBe('');
        }
      });
    });
  });

  test('every number asked is a NUMERICAL sub-question whose answer is the float64 value', () => {
    let referenced = 0;
    set.questions.forEach((q, i) => {
      q.variants.forEach((variant, v) => {
        const html = text(questions[i * (1 + VARIANTS) + 1 + v].questiontext);
        const found = [...html.matchAll(SUBQUESTION)];
        const blanks = variant.blanks.asks.flatMap((a) => a.blanks);
        expect(found.length).toBe(blanks.length);
        // Nothing else in the text looks like the start of a sub-question.
        expect(html.replace(SUBQUESTION, '')).not.toMatch(/\{[0-9]*:[A-Z_]+:/);
        found.forEach((m, k) => {
          const b = blanks[k];
          const answer = Number(m[2]);
          const float = floatValue(variant.exercise, b.ask, b.cell);
          const fd = variant.exercise.network !== null && 'graph' in variant.exercise.network;
          expect(agrees(answer, float, fd ? 1e-4 : 1e-9), `${file} q${q.n} ${variant.id} ${b.ask}`).toBe(true);
          const reference = referenceValue(variant.exercise, b.ask, b.cell);
          if (reference !== null) {
            expect(agrees(answer, reference), `${file} q${q.n} ${variant.id} ${b.ask}: reference`).toBe(true);
            referenced++;
          }
          // The correctly rounded value (3 and 4 significant figures, from the key's long decimal) is in.
          const exact = new Decimal(b.value.approx);
          const low = new Decimal(m[2]).minus(m[3]);
          const high = new Decimal(m[2]).plus(m[3]);
          for (const figures of [3, 4, 6]) {
            const typed = exact.isZero() ? exact : exact.toSignificantDigits(figures, Decimal.ROUND_HALF_UP);
            expect(typed.gte(low) && typed.lte(high), `${typed} in [${low}, ${high}]`).toBe(true);
          }
          // A clearly wrong answer (the value 2 % off, or 0.01 off zero) is out.
          const wrong = exact.isZero() ? new Decimal('0.01') : exact.times('1.02');
          expect(wrong.gte(low) && wrong.lte(high)).toBe(false);
          // The feedback, once Moodle decodes it, is the hint as HTML.
          const hint = variant.exercise.hints[b.ask]?.[1] ?? variant.exercise.hints[b.ask]?.[0] ?? '';
          expect(decodeOnce(m[4] ?? '')).toBe(escapeHtml(hint));
        });
      });
    });
    // The networks of these sets are all within the reference's reach, except stated outputs and graphs.
    if (!file.includes('graphs')) expect(referenced).toBeGreaterThan(0);
  });

  test('sub-question weights give every ask an equal share, split over its cells', () => {
    set.questions.forEach((q, i) => {
      q.variants.forEach((variant, v) => {
        const html = text(questions[i * (1 + VARIANTS) + 1 + v].questiontext);
        const weights = [...html.matchAll(SUBQUESTION)].map((m) => Number(m[1]));
        expect(weights.every((w) => Number.isInteger(w) && w >= 1)).toBe(true);
        let k = 0;
        const perAsk = variant.blanks.asks.map((a) => {
          const cells = weights.slice(k, k + a.blanks.length);
          k += a.blanks.length;
          expect(new Set(cells).size).toBe(1);
          return cells.reduce((s, w) => s + w, 0);
        });
        expect(new Set(perAsk).size).toBe(1);
      });
    });
  });
});

test('formula-only questions are left out of the export and named', async () => {
  const set = await exported('exercises/sets/lecture-deck.yaml', 1);
  expect(set.formulaOnly).toEqual([4, 5]);
  expect(set.questions.map((q) => q.n)).toEqual([1, 2, 3, 6]);
}, 60_000);
