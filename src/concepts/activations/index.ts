// Every activation function, registered once. Adding one: write its file, add it to ALL.
import type { Lang } from '../../text/lang';
import type { Activation } from './activation';
import { identity } from './identity';
import { leakyRelu } from './leaky-relu';
import { prelu } from './prelu';
import { relu } from './relu';
import { relu6 } from './relu6';
import { sigmoid } from './sigmoid';
import { softmax } from './softmax';
import { tanh } from './tanh';

export type { Activation, RowActivation, TargetRange } from './activation';
export { softmax } from './softmax';

/** In the order the file format documents them. */
const ALL = [identity, sigmoid, tanh, relu, leakyRelu, prelu, relu6, softmax] as const;

export type ActivationName = (typeof ALL)[number]['name'];

export const ACTIVATIONS: readonly ActivationName[] = ALL.map((a) => a.name);

const BY_NAME = new Map<string, Activation<ActivationName>>(ALL.map((a) => [a.name, a]));

export function activation(name: ActivationName): Activation<ActivationName> {
  return BY_NAME.get(name)!;
}

/** The names of the activations whose derivative at a = 0 is a convention (the ReLU family). */
export const KINKED: ReadonlySet<ActivationName> = new Set(ALL.filter((a) => a.kinks.length > 0).map((a) => a.name));

/** Every activation's name as the worked document writes it, in one language. */
export function activationNames(lang: Lang): Readonly<Record<ActivationName, string>> {
  return Object.fromEntries(ALL.map((a) => [a.name, a.names.document[lang]])) as Record<ActivationName, string>;
}
