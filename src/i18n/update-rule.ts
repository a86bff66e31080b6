// Each optimizer's update of a parameter P, as the value tables print it beside "W after the update".
// The same in every language: it is math.
import type { OptimizerName } from '../concepts/optimizer';

export const UPDATE_RULE: Readonly<Record<OptimizerName, (p: string) => string>> = {
  sgd: (p) => `${p} − η·∂L/∂${p}`,
  momentum: (p) => `${p} + v, v = μv − η·∂L/∂${p}`,
  adam: (p) => `${p} − η·m̂/(√v̂ + ε)`,
};
