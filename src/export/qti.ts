// IMS QTI 1.2 for Canvas: one assessment whose items are numeric (Canvas's numerical_question: a
// response_str with render_fib fibtype="Decimal", scored 100 for the answer (varequal) or anything in
// its range (vargte, varlte)). Canvas grades one number per item, so every number asked is an item
// that shows its variant's whole exercise and names the ask (and cell) to answer. The items of one number asked across the variants
// form a group (a section with selection_number 1: Canvas's question group), so each student gets one
// of them at random. The worked step of its ask is each item's general feedback. Built by xmlbuilder2.
import { createHash } from 'node:crypto';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { Decimal } from '../number/value';
import { escapeHtml } from '../text/escape';
import { pick, type Lang } from '../text/lang';
import type { Blank } from './blanks';
import type { ExportSet, ExportVariant } from './questions';
import { WORDS } from './words';
import { literal, literalAttributes } from './xml-text';
import { zipFiles } from './zip';

export const QTI_NAMESPACE = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
export const CP_NAMESPACE = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** The assessment's file in the zip, named by the manifest. */
export const ASSESSMENT_FILE = 'assessment.xml';

/** Decimal places of a points value (Canvas shows two; a share like 2/3 is rounded here). */
const POINT_PLACES = 4;

/** A stable identifier from the set's title, seed and the variants (same inputs, same ids). */
function identifier(set: ExportSet, variants: number): string {
  const hash = createHash('sha256').update(`${set.title}\u0000${set.seed}\u0000${variants}`, 'utf8').digest('hex');
  return `bt${hash.slice(0, 24)}`;
}

const blankId = (b: Blank) => [b.ask, ...b.cell.map(String)].join('-');

function points(total: number, b: Blank): string {
  const value = new Decimal(total).times(b.share.n.toString()).div(b.share.d.toString());
  return value.toDecimalPlaces(POINT_PLACES, Decimal.ROUND_HALF_EVEN).toFixed();
}

function field(metadata: XMLBuilder, label: string, entry: string): void {
  const f = metadata.ele('qtimetadatafield');
  f.ele('fieldlabel').txt(literal(label));
  f.ele('fieldentry').txt(literal(entry));
}

function mattext(parent: XMLBuilder, html: string): void {
  parent.ele('material').ele('mattext', { texttype: 'text/html' }).txt(literal(html));
}

function itemHtml(variant: ExportVariant, b: Blank, lang: Lang): string {
  return [
    `<pre>${escapeHtml(variant.exercise.prompt)}</pre>`,
    `<p><em>${escapeHtml(pick(WORDS.instructions, lang))}</em></p>`,
    `<p><strong>${escapeHtml(pick(WORDS.answerFor(pick(WORDS.cell(b.ask, b.cell), lang)), lang))}</strong></p>`,
  ].join('\n');
}

function item(
  section: XMLBuilder,
  set: ExportSet,
  n: number,
  questionPoints: number,
  variant: ExportVariant,
  b: Blank,
): void {
  const lang = set.lang;
  const it = section.ele(
    'item',
    literalAttributes({
      ident: `q${n}-${variant.id}-${blankId(b)}`,
      title: `${pick(WORDS.variant(n, variant.id, variant.code), lang)} · ${pick(WORDS.cell(b.ask, b.cell), lang)}`,
    }),
  );
  const metadata = it.ele('itemmetadata').ele('qtimetadata');
  field(metadata, 'question_type', 'numerical_question');
  field(metadata, 'points_possible', points(questionPoints, b));

  const presentation = it.ele('presentation');
  mattext(presentation, itemHtml(variant, b, lang));
  presentation
    .ele('response_str', { ident: 'response1', rcardinality: 'Single' })
    .ele('render_fib', { fibtype: 'Decimal' })
    .ele('response_label', { ident: 'answer1' });

  const processing = it.ele('resprocessing');
  processing.ele('outcomes').ele('decvar', { maxvalue: '100', minvalue: '0', varname: 'SCORE', vartype: 'Decimal' });
  // The worked step is shown whatever the answer (Canvas's "general feedback").
  const always = processing.ele('respcondition', { continue: 'Yes' });
  always.ele('conditionvar').ele('other');
  always.ele('displayfeedback', { feedbacktype: 'Response', linkrefid: 'general_fb' });
  const right = processing.ele('respcondition', { continue: 'No' });
  // Canvas's own shape for "exact answer with a margin": the answer, or anything in the range.
  const either = right.ele('conditionvar').ele('or');
  either.ele('varequal', { respident: 'response1' }).txt(literal(b.key.answer));
  const range = either.ele('and');
  range.ele('vargte', { respident: 'response1' }).txt(literal(b.key.low));
  range.ele('varlte', { respident: 'response1' }).txt(literal(b.key.high));
  right.ele('setvar', { action: 'Set', varname: 'SCORE' }).txt(literal('100'));

  const feedback = it.ele('itemfeedback', { ident: 'general_fb' }).ele('flow_mat');
  mattext(feedback, variant.steps[b.ask] ?? '');
}

export function assessmentXml(set: ExportSet, variants: number): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(QTI_NAMESPACE, 'questestinterop', {
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${QTI_NAMESPACE} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd`,
  });
  const assessment = root.ele('assessment', literalAttributes({ ident: identifier(set, variants), title: set.title }));
  field(assessment.ele('qtimetadata'), 'cc_maxattempts', '1');
  const top = assessment.ele('section', { ident: 'root_section' });
  for (const question of set.questions) {
    // One group per number asked, in the order of the first variant that asks it.
    const groups = new Map<string, { blank: Blank; items: [ExportVariant, Blank][] }>();
    for (const variant of question.variants)
      for (const b of variant.blanks.asks.flatMap((a) => a.blanks)) {
        const id = blankId(b);
        if (!groups.has(id)) groups.set(id, { blank: b, items: [] });
        groups.get(id)?.items.push([variant, b]);
      }
    for (const [id, group] of groups) {
      const section = top.ele(
        'section',
        literalAttributes({
          ident: `q${question.n}-${id}`,
          title: `${pick(WORDS.question(question.n), set.lang)} · ${pick(WORDS.cell(group.blank.ask, group.blank.cell), set.lang)}`,
        }),
      );
      const selection = section.ele('selection_ordering').ele('selection');
      selection.ele('selection_number').txt(literal('1'));
      selection
        .ele('selection_extension')
        .ele('points_per_item')
        .txt(literal(points(question.points, group.blank)));
      for (const [variant, b] of group.items) item(section, set, question.n, question.points, variant, b);
    }
  }
  return `${doc.end({ prettyPrint: true })}\n`;
}

/** The content package's manifest: one resource, the assessment. */
export function manifestXml(set: ExportSet, variants: number): string {
  const id = identifier(set, variants);
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const manifest = doc.ele(CP_NAMESPACE, 'manifest', {
    identifier: `${id}-manifest`,
    'xmlns:xsi': XSI,
    'xsi:schemaLocation': `${CP_NAMESPACE} http://www.imsglobal.org/xsd/imscp_v1p1.xsd`,
  });
  const metadata = manifest.ele('metadata');
  metadata.ele('schema').txt(literal('IMS Content'));
  metadata.ele('schemaversion').txt(literal('1.1.3'));
  manifest.ele('organizations');
  manifest
    .ele('resources')
    .ele('resource', { identifier: id, type: 'imsqti_xmlv1p2', href: ASSESSMENT_FILE })
    .ele('file', { href: ASSESSMENT_FILE });
  return `${doc.end({ prettyPrint: true })}\n`;
}

/** The zip Canvas imports ("QTI .zip file"): imsmanifest.xml and the assessment, fixed timestamps. */
export function qtiZip(set: ExportSet): Uint8Array {
  const variants = Math.max(0, ...set.questions.map((q) => q.variants.length));
  return zipFiles([
    ['imsmanifest.xml', manifestXml(set, variants)],
    [ASSESSMENT_FILE, assessmentXml(set, variants)],
  ]);
}
