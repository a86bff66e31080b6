// An SVG diagram of a solved network: one column per layer, units as circles holding the
// pre-activation a and the output z, each edge labelled with its weight and (below) ∂L/∂w, targets
// beside the outputs. Values are the engine's, rounded for the figure; the steps give them exactly.
import { figureNumber } from '../number/show';
import type { Solution } from '../engine/solve';
import type { Messages } from '../i18n/messages';
import { escapeXml } from '../text/escape';

/** Above this many edges between two layers the edges are drawn without labels. */
const MAX_LABELLED_EDGES = 16;

const COL_GAP = 300;
const ROW_GAP = 112;
const RADIUS = 44;
const MARGIN_X = 70;
const TOP = 56;

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';
const sub = (n: number) => String(n).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)]);

interface Point {
  readonly x: number;
  readonly y: number;
}

function text(x: number, y: number, content: string, attrs = ''): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}"${attrs ? ` ${attrs}` : ''}>${escapeXml(content)}</text>`;
}

/** A label with a white halo so that it stays legible where edges cross. */
function haloText(x: number, y: number, content: string, cls: string): string {
  return text(
    x,
    y,
    content,
    `class="${cls}" text-anchor="middle" paint-order="stroke" stroke="#fff" stroke-width="4" stroke-linejoin="round"`,
  );
}

export interface NetworkFigureOptions {
  /** Which sample's values the units show (0-based). */
  readonly sample?: number;
}

export function networkSvg(
  solution: Solution,
  m: Messages,
  options: NetworkFigureOptions = {},
): { svg: string; edgeLabels: boolean } {
  const { network } = solution;
  const s = options.sample ?? 0;
  const widths = [network.input[0].length, ...solution.layers.map((r) => r.output[0].length)];
  const maxUnits = Math.max(...widths);
  const height = TOP + maxUnits * ROW_GAP + 8;
  const width = MARGIN_X * 2 + COL_GAP * (widths.length - 1) + 70;
  const position = (col: number, k: number): Point => ({
    x: MARGIN_X + col * COL_GAP,
    y: TOP + (maxUnits - widths[col]) * (ROW_GAP / 2) + ROW_GAP / 2 + k * ROW_GAP,
  });

  const parts: string[] = [];
  let allEdgeLabels = true;
  // Edges first, so that the units are drawn over them.
  solution.layers.forEach((result, l) => {
    const inputs = widths[l];
    const units = widths[l + 1];
    const labelled = inputs * units <= MAX_LABELLED_EDGES;
    allEdgeLabels &&= labelled;
    for (let i = 0; i < inputs; i++) {
      for (let j = 0; j < units; j++) {
        const from = position(l, i);
        const to = position(l + 1, j);
        const dx = to.x - from.x;
        const dy = to.y - from.y;
        const len = Math.hypot(dx, dy);
        const a = { x: from.x + (dx * RADIUS) / len, y: from.y + (dy * RADIUS) / len };
        const b = { x: to.x - (dx * (RADIUS + 4)) / len, y: to.y - (dy * (RADIUS + 4)) / len };
        parts.push(
          `<line class="edge" x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" marker-end="url(#bt-net-arrow)"/>`,
        );
        if (!labelled) continue;
        // Labels of edges into unit j sit at a fraction (j+1)/(units+1) of the way, so that edges
        // fanning out of one unit, and edges crossing, do not share a spot.
        const t = (j + 1) / (units + 1);
        const p = { x: from.x + dx * t, y: from.y + dy * t };
        const [r, c] = network.layout === 'x-w' ? [i, j] : [j, i];
        const w = network.layers[l].weights[r][c];
        parts.push(haloText(p.x, p.y - 5, figureNumber(w), 'w'));
        parts.push(haloText(p.x, p.y + 12, figureNumber(result.gradWeights[r][c]), 'g'));
      }
    }
  });

  // Column headings.
  widths.forEach((_, col) => {
    const x = MARGIN_X + col * COL_GAP;
    const heading =
      col === 0
        ? m.lang === 'ja'
          ? '入力層'
          : 'Input'
        : `${m.lang === 'ja' ? `第${col}層` : `Layer ${col}`}: ${m.activation[network.layers[col - 1].activation]}`;
    parts.push(text(x, 22, heading, 'class="head" text-anchor="middle"'));
  });

  // Input units.
  for (let i = 0; i < widths[0]; i++) {
    const p = position(0, i);
    parts.push(`<circle class="unit input" cx="${p.x}" cy="${p.y}" r="${RADIUS}"/>`);
    parts.push(
      text(p.x, p.y + 5, `x${sub(i + 1)} = ${figureNumber(network.input[s][i])}`, 'class="v" text-anchor="middle"'),
    );
  }
  // Layer units: a, z and the bias inside.
  solution.layers.forEach((result, l) => {
    const last = l === solution.layers.length - 1;
    for (let j = 0; j < widths[l + 1]; j++) {
      const p = position(l + 1, j);
      parts.push(`<circle class="unit${last ? ' output' : ''}" cx="${p.x}" cy="${p.y}" r="${RADIUS}"/>`);
      parts.push(
        text(p.x, p.y - 10, `a = ${figureNumber(result.preactivation[s][j])}`, 'class="v" text-anchor="middle"'),
      );
      parts.push(text(p.x, p.y + 5, `z = ${figureNumber(result.output[s][j])}`, 'class="v" text-anchor="middle"'));
      parts.push(
        text(p.x, p.y + 21, `b = ${figureNumber(network.layers[l].bias[j])}`, 'class="b" text-anchor="middle"'),
      );
      if (last)
        parts.push(
          text(p.x + RADIUS + 8, p.y + 5, `t${sub(j + 1)} = ${figureNumber(network.target[s][j])}`, 'class="t"'),
        );
    }
  });

  const style =
    '.edge{stroke:#8a94a6;stroke-width:1.4}.unit{fill:#f4f7fb;stroke:#33415c;stroke-width:1.6}.unit.input{fill:#fff}.unit.output{fill:#eef6ee}' +
    'text{font-family:"DejaVu Sans","Noto Sans CJK JP",Arial,sans-serif;fill:#1b2333}.head{font-size:14px;font-weight:bold}.v{font-size:11.5px}' +
    '.b{font-size:10.5px;fill:#555}.t{font-size:12px;fill:#1d6b2a}.w{font-size:11px}.g{font-size:11px;fill:#1f4e9c}';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(m.problem.figureAlt)}">` +
    `<title>${escapeXml(m.problem.figureAlt)}</title><style>${style}</style>` +
    '<defs><marker id="bt-net-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8a94a6"/></marker></defs>' +
    `${parts.join('')}</svg>`;
  return { svg, edgeLabels: allEdgeLabels };
}
