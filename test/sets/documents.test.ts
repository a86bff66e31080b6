// The worked solutions of a set: each network question's solution runs up to the stage where its last
// answer is computed, and no further; a question that needs the network after the update keeps it all.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { solutionsDocument } from '../../src/sets/documents';
import { studentExam } from '../../src/sets/exam';
import { parseSet } from '../../src/sets/load';
import { selfTest } from '../../src/sets/verify';
import { ROOT } from '../render/helpers';

const SET = [
  'title: stages',
  'lang: en',
  'seed: 11',
  'questions:',
  '  - {template: forward-pass, difficulty: 1, points: 1}',
  '  - {template: output-delta, difficulty: 1, points: 1}',
  '  - {template: weight-update, difficulty: 1, points: 1}',
  '  - {network: ../networks/mazur.yaml, asks: [{quantity: loss_after}], points: 1}',
  '  - {network: ../networks/mazur.yaml, asks: [{quantity: loss}, {quantity: output, layer: 0, index: [0, 1]}], points: 1}',
].join('\n');

describe('a set question’s worked solution', () => {
  const set = parseSet(SET, join(ROOT, 'exercises/sets/stages.yaml'));
  const exam = studentExam(set, { id: 's1', name: '' }, selfTest);
  const ids = solutionsDocument(set, exam).sections.map((s) => s.id);
  const stagesOf = (q: number) =>
    ids
      .filter((id) => id.startsWith(`q${q}-`))
      .map((id) => id.slice(`q${q}-`.length).replace(/-(scalar|matrix)$/, ''))
      .filter((stage, i, all) => all.indexOf(stage) === i);

  it('stops after the forward pass for a forward-pass question', () => {
    expect(stagesOf(1)).toEqual(['problem', 'forward']);
  });
  it('stops after the backward pass for a delta question', () => {
    expect(stagesOf(2)).toEqual(['problem', 'forward', 'loss', 'backward']);
  });
  it('stops after the update for an updated weight', () => {
    expect(stagesOf(3)).toEqual(['problem', 'forward', 'loss', 'backward', 'update']);
  });
  it('keeps every stage when the loss after the update is asked', () => {
    expect(stagesOf(4)).toEqual(['problem', 'forward', 'loss', 'backward', 'update', 'after']);
  });
  it('goes as far as the latest of several answers', () => {
    expect(stagesOf(5)).toEqual(['problem', 'forward', 'loss']);
  });
  it('starts each question on a new page, and prints its parts straight after', () => {
    const sections = solutionsDocument(set, exam).sections;
    const question = (id: string) => /^q(\d+)-/.exec(id)![1];
    sections.forEach((s, i) => {
      const first = i === 0 || question(sections[i - 1].id) !== question(s.id);
      expect(s.newPage, s.id).toBe(first ? undefined : false);
    });
    expect(sections.filter((s) => s.newPage === undefined)).toHaveLength(5);
  });
});
