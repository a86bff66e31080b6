// The QTI zip read back: unzipped, imsmanifest.xml naming the assessment, the assessment held element
// by element to the QTI 1.2 structure (qti-structure.ts) with fast-xml-parser, every item a Canvas
// numerical question whose range contains the float64 value and its correct roundings and not a
// wrong answer, a group per number asked, and the zip's entries dated 1980-01-01 00:00.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, test } from 'vitest';
import { ASSESSMENT_FILE, qtiZip } from '../../src/export/qti';
import type { ExportSet } from '../../src/export/questions';
import { Decimal } from '../../src/number/value';
import { escapeHtml } from '../../src/text/escape';
import { agrees, exported, floatValue, SETS } from './fixtures';
import { ATTRIBUTES, CONTENT, OPEN } from './qti-structure';

/** An element as fast-xml-parser gives it with preserveOrder: {name: children, ':@': attributes}. */
type Ordered = Record<string, unknown>;

interface El {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly El[];
  readonly text: string;
}

function tree(nodes: Ordered[]): El[] {
  const out: El[] = [];
  for (const node of nodes) {
    const name = Object.keys(node).find((k) => k !== ':@');
    if (name === undefined || name === '#text' || name === '?xml') continue;
    const kids = node[name] as Ordered[];
    const text = kids
      .filter((k) => '#text' in k)
      .map((k) => String(k['#text']))
      .join('');
    const attrs = (node[':@'] ?? {}) as Record<string, string>;
    out.push({ name, attrs, children: tree(kids), text });
  }
  return out;
}

const parse = (xml: string): El =>
  tree(
    new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
    }).parse(xml) as Ordered[],
  )[0];

function* all(el: El): Generator<El> {
  yield el;
  for (const c of el.children) yield* all(c);
}

const child = (el: El, name: string) => el.children.find((c) => c.name === name);

/** Every element's children and attributes against the QTI 1.2 structure; [] when all conform. */
function violations(root: El): string[] {
  const out: string[] = [];
  for (const el of all(root)) {
    if (OPEN.has(el.name)) continue;
    const model = CONTENT[el.name];
    const names = el.children.map((c) => `${c.name} `).join('');
    if (model === undefined) {
      if (![...all(root)].some((p) => OPEN.has(p.name) && p.children.includes(el))) out.push(`unknown <${el.name}>`);
      continue;
    }
    if (!model.test(names)) out.push(`<${el.name}> children "${names.trim()}"`);
    for (const [attr, values] of Object.entries(ATTRIBUTES[el.name] ?? {})) {
      const v = el.attrs[attr];
      if (v === undefined) out.push(`<${el.name}> without ${attr}`);
      else if (values !== null && !values.includes(v)) out.push(`<${el.name} ${attr}="${v}">`);
    }
  }
  return out;
}

describe.each(SETS)('QTI zip of %s', (file) => {
  const VARIANTS = 2;
  let set: ExportSet;
  let zip: Uint8Array;
  let files: Record<string, Uint8Array>;
  let assessment: El;

  beforeAll(async () => {
    set = await exported(file, VARIANTS);
    zip = qtiZip(set);
    files = unzipSync(zip);
    assessment = parse(strFromU8(files[ASSESSMENT_FILE]));
  }, 120_000);

  test('both files are well-formed XML', () => {
    for (const name of [ASSESSMENT_FILE, 'imsmanifest.xml'])
      expect(XMLValidator.validate(strFromU8(files[name]))).toBe(true);
  });

  test('the zip holds imsmanifest.xml and the one assessment it names', () => {
    expect(Object.keys(files).sort()).toEqual([ASSESSMENT_FILE, 'imsmanifest.xml'].sort());
    const manifest = parse(strFromU8(files['imsmanifest.xml']));
    expect(manifest.name).toBe('manifest');
    expect(manifest.attrs.xmlns).toBe('http://www.imsglobal.org/xsd/imscp_v1p1');
    const resources = child(manifest, 'resources')?.children ?? [];
    expect(resources).toHaveLength(1);
    expect(resources[0].attrs.type).toBe('imsqti_xmlv1p2');
    expect(resources[0].children.map((f) => f.attrs.href)).toEqual([ASSESSMENT_FILE]);
    expect(assessment.name).toBe('questestinterop');
    expect(assessment.attrs.xmlns).toBe('http://www.imsglobal.org/xsd/ims_qtiasiv1p2');
  });

  test('the assessment follows the QTI 1.2 structure element by element', () => {
    expect(violations(assessment)).toEqual([]);
    expect(assessment.children.map((c) => c.name)).toEqual(['assessment']);
  });

  test('every item is a numerical question whose range holds the value and its roundings only', () => {
    const items = [...all(assessment)].filter((e) => e.name === 'item');
    const expected = set.questions.flatMap((q) => q.variants.flatMap((v) => v.blanks.asks.flatMap((a) => a.blanks)));
    expect(items).toHaveLength(expected.length);
    for (const q of set.questions)
      for (const variant of q.variants)
        for (const b of variant.blanks.asks.flatMap((a) => a.blanks)) {
          const id = `q${q.n}-${variant.id}-${[b.ask, ...b.cell].join('-')}`;
          const it = items.find((i) => i.attrs.ident === id);
          expect(it, id).toBeDefined();
          if (it === undefined) continue;
          const fields = [...all(it)].filter((e) => e.name === 'qtimetadatafield');
          const meta = Object.fromEntries(
            fields.map((f) => [child(f, 'fieldlabel')?.text, child(f, 'fieldentry')?.text]),
          );
          expect(meta.question_type).toBe('numerical_question');
          const fib = [...all(it)].find((e) => e.name === 'render_fib');
          expect(fib?.attrs.fibtype).toBe('Decimal');
          const low = new Decimal([...all(it)].find((e) => e.name === 'vargte')?.text ?? 'NaN');
          const high = new Decimal([...all(it)].find((e) => e.name === 'varlte')?.text ?? 'NaN');
          const equal = new Decimal([...all(it)].find((e) => e.name === 'varequal')?.text ?? 'NaN');
          expect(equal.equals(low.plus(high).div(2))).toBe(true);
          const float = floatValue(variant.exercise, b.ask, b.cell);
          const graph = variant.exercise.network !== null && 'graph' in variant.exercise.network;
          const middle = low.plus(high).div(2).toNumber();
          expect(agrees(middle, float, graph ? 1e-4 : 1e-9), `${id}: ${middle} vs ${float}`).toBe(true);
          const exact = new Decimal(b.value.approx);
          for (const figures of [3, 4, 6]) {
            const typed = exact.isZero() ? exact : exact.toSignificantDigits(figures, Decimal.ROUND_HALF_UP);
            expect(typed.gte(low) && typed.lte(high), `${id}: ${typed} in [${low}, ${high}]`).toBe(true);
          }
          const wrong = exact.isZero() ? new Decimal('0.01') : exact.times('1.02');
          expect(wrong.gte(low) && wrong.lte(high)).toBe(false);
          // The worked solution is the general feedback, shown whatever the answer.
          const feedback = [...all(it)].find((e) => e.name === 'itemfeedback');
          expect(feedback?.attrs.ident).toBe('general_fb');
          const shown = [...all(feedback as El)].find((e) => e.name === 'mattext')?.text ?? '';
          expect(shown).toBe(variant.steps[b.ask]?.trim());
          expect(shown.includes('<math') || shown.includes(escapeHtml(variant.exercise.hints[b.ask]?.[0] ?? '?'))).toBe(
            true,
          );
        }
  });

  test('a group per number asked draws one of its variants', () => {
    const top = child(assessment.children[0], 'section') as El;
    const groups = top.children.filter((c) => c.name === 'section');
    const perQuestion = set.questions.map(
      (q) =>
        new Set(
          q.variants.flatMap((v) => v.blanks.asks.flatMap((a) => a.blanks.map((b) => [b.ask, ...b.cell].join('-')))),
        ).size,
    );
    expect(groups).toHaveLength(perQuestion.reduce((s, n) => s + n, 0));
    for (const g of groups) {
      const selection = child(child(g, 'selection_ordering') as El, 'selection') as El;
      expect(child(selection, 'selection_number')?.text).toBe('1');
      expect(g.children.filter((c) => c.name === 'item').length).toBeGreaterThanOrEqual(1);
    }
  });

  test('every entry of the zip is dated 1980-01-01 00:00 (local and central headers)', () => {
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const DOS_DATE = (0 << 9) | (1 << 5) | 1;
    let local = 0;
    let central = 0;
    for (let i = 0; i + 4 <= zip.length; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) {
        expect([view.getUint16(i + 10, true), view.getUint16(i + 12, true)]).toEqual([0, DOS_DATE]);
        local++;
      } else if (sig === 0x02014b50) {
        expect([view.getUint16(i + 12, true), view.getUint16(i + 14, true)]).toEqual([0, DOS_DATE]);
        central++;
      }
    }
    expect([local, central]).toEqual([2, 2]);
  });
});

test('the structure check catches what QTI 1.2 does not allow', () => {
  const bad = parse(
    '<questestinterop><assessment ident="a" title="t"><section ident="s"><item ident="i"><resprocessing><outcomes><decvar varname="SCORE" vartype="Float"/></outcomes><respcondition continue="Maybe"><conditionvar><vargte respident="r">1</vargte></conditionvar></respcondition></resprocessing><presentation><response_str ident="r" rcardinality="Single"><render_fib fibtype="Number"/></response_str></presentation></item></section></assessment></questestinterop>',
  );
  expect(violations(bad)).toEqual([
    '<item> children "resprocessing presentation"',
    '<decvar vartype="Float">',
    '<respcondition continue="Maybe">',
    '<render_fib fibtype="Number">',
  ]);
});
