// A network as the tests describe it: the file's fields with every number as its literal text
// ("0.3", "-1.2", "1/3"). The engine reads it through the real loader (networkText → parseNetwork);
// the references parse the same literals themselves, so nothing of the engine is shared.

export type RawActivation = 'identity' | 'sigmoid' | 'tanh' | 'relu' | 'leaky-relu' | 'prelu' | 'relu6' | 'softmax';
export type RawLoss = 'half-sse' | 'sse' | 'mse' | 'cross-entropy' | 'binary-cross-entropy';

export interface RawLayer {
  /** In the file's layout: W[input][unit] (x-w) or W[unit][input] (w-x). */
  readonly weights: readonly (readonly string[])[];
  /** Omitted means zeros. */
  readonly bias?: readonly string[];
  /** One bias shared by every unit (written `bias: 0.35`); wins over `bias`. */
  readonly sharedBias?: string;
  readonly activation: RawActivation;
  /** Omitted means the default slope (leaky-relu 1/100, prelu 1/4). */
  readonly alpha?: string;
}

export interface RawNetwork {
  readonly layout: 'x-w' | 'w-x';
  readonly layers: readonly RawLayer[];
  readonly loss: RawLoss;
  readonly input: readonly (readonly string[])[];
  readonly target: readonly (readonly string[])[];
  readonly learningRate: string;
  readonly updateBiases: boolean;
  readonly reluGradAtZero: 0 | 1;
  readonly batch: 'mean' | 'sum';
  /** L2 weight decay: (λ/2)·Σw² ("1/2") or (λ/2N)·Σw² ("1/(2N)"), weights only. */
  readonly regularization?: { readonly l2: string; readonly scale: '1/2' | '1/(2N)' };
  readonly optimizer?: RawOptimizer;
}

export type RawOptimizer =
  | {
      readonly name: 'momentum';
      readonly momentum: string;
      /** Per layer, weights in the file's layout; omitted means zeros. */
      readonly velocity?: readonly {
        readonly weights: readonly (readonly string[])[];
        readonly bias: readonly string[];
      }[];
    }
  | {
      readonly name: 'adam';
      readonly beta1: string;
      readonly beta2: string;
      readonly epsilon: string;
      /** A warm start: the steps already taken and the moments per layer (file layout); omitted means 0 and zeros. */
      readonly steps?: number;
      readonly m?: readonly { readonly weights: readonly (readonly string[])[]; readonly bias: readonly string[] }[];
      readonly v?: readonly { readonly weights: readonly (readonly string[])[]; readonly bias: readonly string[] }[];
    };

/** Literal in YAML flow style: decimals plain (as users type them), fractions quoted. */
function literal(text: string): string {
  return text.includes('/') ? `"${text}"` : text;
}

function row(values: readonly string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}

function rows(m: readonly (readonly string[])[]): string {
  return `[${m.map(row).join(', ')}]`;
}

/** The network file text (YAML) for a RawNetwork. */
export function networkText(raw: RawNetwork): string {
  const lines = [`layout: ${raw.layout}`, 'layers:'];
  for (const layer of raw.layers) {
    lines.push(`  - weights: ${rows(layer.weights)}`);
    if (layer.sharedBias !== undefined) lines.push(`    bias: ${literal(layer.sharedBias)}`);
    else if (layer.bias) lines.push(`    bias: ${row(layer.bias)}`);
    lines.push(`    activation: ${layer.activation}`);
    if (layer.alpha !== undefined) lines.push(`    alpha: ${literal(layer.alpha)}`);
  }
  lines.push(
    `loss: ${raw.loss}`,
    `input: ${rows(raw.input)}`,
    `target: ${rows(raw.target)}`,
    `learning_rate: ${literal(raw.learningRate)}`,
    `update_biases: ${raw.updateBiases}`,
    `conventions: {relu_grad_at_zero: ${raw.reluGradAtZero}, batch: ${raw.batch}}`,
  );
  if (raw.regularization)
    lines.push(`regularization: {l2: ${literal(raw.regularization.l2)}, scale: "${raw.regularization.scale}"}`);
  const o = raw.optimizer;
  if (o?.name === 'momentum') {
    const velocity = o.velocity
      ? `, velocity: [${o.velocity.map((v) => `{weights: ${rows(v.weights)}, bias: ${row(v.bias)}}`).join(', ')}]`
      : '';
    lines.push(`optimizer: {name: momentum, momentum: ${literal(o.momentum)}${velocity}}`);
  } else if (o?.name === 'adam') {
    const state = (key: 'm' | 'v') =>
      o[key]
        ? `, ${key}: [${o[key].map((x) => `{weights: ${rows(x.weights)}, bias: ${row(x.bias)}}`).join(', ')}]`
        : '';
    const steps = o.steps === undefined ? '' : `, steps: ${o.steps}`;
    lines.push(
      `optimizer: {name: adam, beta1: ${literal(o.beta1)}, beta2: ${literal(o.beta2)}, epsilon: ${literal(o.epsilon)}${steps}${state('m')}${state('v')}}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The default slope of a leaky-relu or prelu layer, as the issue fixes it. */
export function defaultAlpha(activation: RawActivation): string | null {
  if (activation === 'leaky-relu') return '1/100';
  if (activation === 'prelu') return '1/4';
  return null;
}

/** Units of a layer whatever the layout. */
export function unitsOf(layout: RawNetwork['layout'], weights: readonly (readonly string[])[]): number {
  return layout === 'x-w' ? weights[0].length : weights.length;
}
