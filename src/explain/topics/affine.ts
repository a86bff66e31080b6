// The Affine (and MatMul) layer backward: dx = dout·Wᵀ, dW = xᵀ·dout, db = Σ dout (the Deep Learning from Scratch 2 summary and the layer-code notes),
// and the same in the W·x layout of the E-shikaku notes.
import type { Topic } from '../types';

const SUM_G_Y = 'sum(G .* (X * W + ones(2, 1) * b))';

export const affine: Topic = {
  id: 'affine',
  title_en: 'Affine / MatMul backward: dX = dY·Wᵀ, dW = Xᵀ·dY, db = Σ dY',
  title_ja: 'Affineレイヤ (MatMul) の逆伝播: dX = dY·Wᵀ、dW = Xᵀ·dY、db = Σ dY',
  sources: ['001', '002', '003', '004'],
  scope: {
    random: {
      X: { min: -2, max: 2, shape: [2, 4] },
      W: { min: -2, max: 2, shape: [4, 3] },
      b: { min: -2, max: 2, shape: [1, 3] },
      G: { min: -2, max: 2, shape: [2, 3] },
      V: { min: -2, max: 2, shape: [3, 4] },
      x: { min: -2, max: 2, shape: [4, 1] },
      c: { min: -2, max: 2, shape: [3, 1] },
      d: { min: -2, max: 2, shape: [3, 1] },
    },
  },
  steps: [
    {
      role: 'definition',
      text_en:
        'The Affine layer: a batch X of N samples (one per row, D inputs each), weights W (D × M, W[input][unit]) and bias b added to every row. dY = ∂L/∂Y (N × M) is the gradient that arrives from the layer above (dout in the code).',
      text_ja:
        'Affineレイヤ: N 個のサンプルのバッチ X (1行が1サンプル、入力 D 個)、重み W (D × M、W[入力][ユニット])、各行に足すバイアス b。dY = ∂L/∂Y (N × M) は上の層から届く勾配 (コードの dout)。',
      latex: 'Y = X \\cdot W + b, \\qquad Y_{nm} = \\sum_{d} X_{nd} W_{dm} + b_{m}',
    },
    {
      role: 'claim',
      text_en:
        'X_nd affects Y_n1, …, Y_nM through W_d1, …, W_dM; summing over m gives a matrix product with the transpose of W (dx = np.dot(dout, W.T)). The shape matches X: (N × M)(M × D).',
      text_ja:
        'X_nd は W_d1, …, W_dM を通して Y_n1, …, Y_nM に影響するので、m について足すと W の転置との行列の積になる (dx = np.dot(dout, W.T))。形は X と同じ (N × M)(M × D)。',
      latex:
        '\\frac{\\partial L}{\\partial X_{nd}} = \\sum_{m} \\frac{\\partial L}{\\partial Y_{nm}} W_{dm} \\quad\\Rightarrow\\quad \\frac{\\partial L}{\\partial X} = \\frac{\\partial L}{\\partial Y} \\cdot W^{\\top}',
      checks: [{ derivative: { of: SUM_G_Y, wrt: 'X', is: 'G * transpose(W)' } }],
    },
    {
      role: 'claim',
      text_en:
        'W_dm is used by every sample n, so the sum runs over the batch: dW = np.dot(x.T, dout), shape (D × N)(N × M) = D × M like W.',
      text_ja:
        'W_dm はすべてのサンプル n で使われるので、和はバッチについてとる: dW = np.dot(x.T, dout)。形は (D × N)(N × M) = D × M で W と同じ。',
      latex:
        '\\frac{\\partial L}{\\partial W_{dm}} = \\sum_{n} X_{nd} \\frac{\\partial L}{\\partial Y_{nm}} \\quad\\Rightarrow\\quad \\frac{\\partial L}{\\partial W} = X^{\\top} \\cdot \\frac{\\partial L}{\\partial Y}',
      checks: [{ derivative: { of: SUM_G_Y, wrt: 'W', is: 'transpose(X) * G' } }],
    },
    {
      role: 'claim',
      text_en:
        'b_m is added to every row, so its gradient is the column sum of dY over the batch: db = np.sum(dout, axis=0).',
      text_ja: 'b_m はすべての行に足されるので、その勾配は dY をバッチ方向に足した列の和: db = np.sum(dout, axis=0)。',
      latex: '\\frac{\\partial L}{\\partial b_{m}} = \\sum_{n} \\frac{\\partial L}{\\partial Y_{nm}}',
      checks: [{ derivative: { of: SUM_G_Y, wrt: 'b', is: 'ones(1, 2) * G' } }],
    },
    {
      role: 'claim',
      text_en:
        'MatMul is the same without b. Note that it is a matrix product, np.dot(x, W), not the element-wise x*W that the Deep Learning from Scratch 2 summary writes.',
      text_ja:
        'MatMul レイヤは b のない同じ計算である。行列の積 np.dot(x, W) であって、『ゼロから作るDeep Learning ❷』のまとめの x*W (要素ごとの積) ではない。',
      latex:
        'Y = X \\cdot W: \\quad \\frac{\\partial L}{\\partial X} = \\frac{\\partial L}{\\partial Y} W^{\\top}, \\quad \\frac{\\partial L}{\\partial W} = X^{\\top} \\frac{\\partial L}{\\partial Y}',
      checks: [
        { derivative: { of: 'sum(G .* (X * W))', wrt: 'X', is: 'G * transpose(W)' } },
        { derivative: { of: 'sum(G .* (X * W))', wrt: 'W', is: 'transpose(X) * G' } },
      ],
    },
    {
      role: 'claim',
      text_en:
        'In the W·x layout of the E-shikaku notes (a column x, W[unit][input], a = Wx + c) the same reasoning gives ∂L/∂W = δ xᵀ, i.e. ∂E/∂w_ji = δ_j x_i, and ∂L/∂x = Wᵀ δ, with δ = ∂L/∂a.',
      text_ja:
        'E資格のノートの W·x の並び (列ベクトル x、W[ユニット][入力]、a = Wx + c) では同じ考え方で ∂L/∂W = δ xᵀ (つまり ∂E/∂w_ji = δ_j x_i)、∂L/∂x = Wᵀ δ となる。ここで δ = ∂L/∂a。',
      latex:
        'a = W x + c: \\quad \\frac{\\partial L}{\\partial W} = \\delta\\, x^{\\top}, \\quad \\frac{\\partial L}{\\partial w_{ji}} = \\delta_{j} x_{i}, \\quad \\frac{\\partial L}{\\partial x} = W^{\\top} \\delta',
      checks: [
        { derivative: { of: 'sum(d .* (V * x + c))', wrt: 'V', is: 'd * transpose(x)' } },
        { derivative: { of: 'sum(d .* (V * x + c))', wrt: 'x', is: 'transpose(V) * d' } },
        { derivative: { of: 'sum(d .* (V * x + c))', wrt: 'c', is: 'd' } },
      ],
    },
  ],
};
