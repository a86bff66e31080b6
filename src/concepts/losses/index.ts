// Every loss function, registered once. Adding one: write its file, add it to ALL.
import type { Lang } from '../../text/lang';
import { binaryCrossEntropy } from './binary-cross-entropy';
import { crossEntropy } from './cross-entropy';
import { halfSse } from './half-sse';
import type { Loss } from './loss';
import { mse } from './mse';
import { sse } from './sse';

export type { Loss, Shown } from './loss';

/** In the order the file format documents them. */
const ALL = [halfSse, sse, mse, crossEntropy, binaryCrossEntropy] as const;

export type LossName = (typeof ALL)[number]['name'];

export const LOSSES: readonly LossName[] = ALL.map((l) => l.name);

const BY_NAME = new Map<string, Loss<LossName>>(ALL.map((l) => [l.name, l]));

export function loss(name: LossName): Loss<LossName> {
  return BY_NAME.get(name)!;
}

/** Every loss's name as the worked document writes it, in one language. */
export function lossNames(lang: Lang): Readonly<Record<LossName, string>> {
  return Object.fromEntries(ALL.map((l) => [l.name, l.names.document[lang]])) as Record<LossName, string>;
}
