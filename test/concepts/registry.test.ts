// The registries: every name has one concept, every concept's topic exists, and the rules printed
// from the term tree read as the hints have always written them.
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, activation } from '../../src/concepts/activations';
import { LOSSES, loss } from '../../src/concepts/losses';
import { findTopic } from '../../src/explain';

describe('concept registries', () => {
  it('look every activation and loss up by its own name', () => {
    for (const name of ACTIVATIONS) expect(activation(name).name).toBe(name);
    for (const name of LOSSES) expect(loss(name).name).toBe(name);
    expect(new Set(ACTIVATIONS).size).toBe(ACTIVATIONS.length);
    expect(new Set(LOSSES).size).toBe(LOSSES.length);
  });

  it('point at explain topics that exist', () => {
    for (const name of ACTIVATIONS) {
      const topic = activation(name).topic;
      if (topic !== null) expect(findTopic(topic)?.id).toBe(topic);
    }
    for (const name of LOSSES) {
      const topic = loss(name).topic;
      if (topic !== null) expect(findTopic(topic)?.id).toBe(topic);
    }
  });

  it('print the derivative rules from their terms as the hints write them', () => {
    expect(activation('sigmoid').derivativeText).toBe('σ′(a) = y(1 − y)');
    expect(activation('tanh').derivativeText).toBe('tanh′(a) = 1 − y²');
    expect(activation('softmax').derivativeText).toBe('∂y_i/∂a_k = y_i(δ_ik − y_k)');
  });

  it('give a slope (and its default) exactly to the activations that use one', () => {
    for (const name of ACTIVATIONS) {
      const h = activation(name);
      expect(h.defaultSlope !== null).toBe(h.slope);
      if (h.learnsSlope) expect(h.slope).toBe(true);
    }
  });
});
