import { searchVariant } from '../src/exercises/search';
import { templateByName } from '../src/exercises/templates';
export function run() {
  const names = ['forward-pass','loss','output-delta','output-weight-grad','hidden-delta','hidden-weight-grad','weight-update','softmax-ce-gradient','matrix-form','chain-rule'];
  const diffs = [1,1,1,2,2,1,1,1,1,1];
  names.forEach((n, i) => {
    const t = templateByName(n)!;
    let tries = 0; const t0 = performance.now();
    for (let s = 0; s < 40; s++) tries += searchVariant(t, 1000 + s * 7919, diffs[i] as any)!.tries;
    console.log(n, 'tries/40', tries, 'ms', Math.round(performance.now() - t0));
  });
}
