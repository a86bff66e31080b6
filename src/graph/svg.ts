// An SVG figure of a solved graph in the style of ゼロから作るDeep Learning ch. 5: operation nodes as
// circles, inputs as boxes, constants as dashed boxes; on every edge the forward value above the
// arrow (green) and the backward value below it (red). A pure function: the HTML renderer embeds the
// string. Every user-supplied string (names, literals) is escaped.
import { opLabel } from './formula';
import { layoutGraph, type FigureVertex } from './layout';
import { compactValue } from '../number/show';
import type { GraphSolution } from './solve';
import type { GraphNode } from './spec';
import type { Value } from '../number/value';
import { escapeXml } from '../text/escape';

export interface GraphSvgOptions {
  /** Prefix for element ids (arrow markers), so that several figures can share one page. */
  readonly idPrefix?: string;
  /** Text of the <title> element (accessible name); escaped. */
  readonly title?: string;
  /** Significant digits of irrational values on the edges (default 6). */
  readonly digits?: number;
}

export const FORWARD_COLOUR = '#1b7a2f';
export const BACKWARD_COLOUR = '#c0262d';

const RADIUS = 24;
const ROW_GAP = 110;
const MARGIN = 24;
const CHAR = 7.4; // rough width of a 13px sans-serif character

const textWidth = (text: string) => [...text].length * CHAR;
const boxWidth = (v: FigureVertex) => Math.max(44, textWidth(v.label) + 18);
const halfWidth = (v: FigureVertex) => (v.kind === 'node' ? RADIUS : boxWidth(v) / 2);

/**
 * Vertical positions: each column keeps its row order; vertices move towards the mean height of their
 * neighbours (so chains come out straight) while staying ROW_GAP apart.
 */
function verticalPositions(
  vertices: readonly FigureVertex[],
  neighbours: ReadonlyMap<string, readonly string[]>,
  columns: number,
  rows: number,
): Map<string, number> {
  const y = new Map<string, number>();
  const byColumn: FigureVertex[][] = Array.from({ length: columns }, () => []);
  for (const v of vertices) byColumn[v.column].push(v);
  for (const col of byColumn) {
    col.sort((a, b) => a.row - b.row);
    col.forEach((v, r) => y.set(v.id, (r + (rows - col.length) / 2) * ROW_GAP));
  }
  for (let sweep = 0; sweep < 8; sweep++) {
    const order = sweep % 2 === 0 ? [...byColumn.keys()] : [...byColumn.keys()].reverse();
    for (const c of order) {
      const col = byColumn[c];
      const wanted = col.map((v) => {
        const ns = neighbours.get(v.id)!;
        return ns.length === 0 ? y.get(v.id)! : ns.reduce((s, n) => s + y.get(n)!, 0) / ns.length;
      });
      // Keep the order and the gap, then centre the block on what the vertices want.
      const placed = [...wanted];
      for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i], placed[i - 1] + ROW_GAP);
      const shift = wanted.reduce((s, w, i) => s + w - placed[i], 0) / placed.length;
      col.forEach((v, i) => y.set(v.id, placed[i] + shift));
    }
  }
  const top = Math.min(...y.values());
  for (const [id, value] of y) y.set(id, value - top);
  return y;
}

export function graphSvg(solution: GraphSolution, options: GraphSvgOptions = {}): string {
  const prefix = (options.idPrefix ?? 'bt-graph').replace(/[^A-Za-z0-9_-]/g, '_');
  const layout = layoutGraph(solution);
  const byId = new Map(layout.vertices.map((v) => [v.id, v]));
  const neighbours = new Map<string, string[]>(layout.vertices.map((v) => [v.id, []]));
  for (const link of layout.links) {
    neighbours.get(link.from)!.push(link.to);
    neighbours.get(link.to)!.push(link.from);
  }
  const digits = options.digits ?? 6;
  const show = (v: Value) => compactValue(v, digits);
  const edgeLabels = solution.edges.flatMap((e) => [show(e.forward), e.backward === null ? '' : show(e.backward)]);
  const widestLabel = Math.max(textWidth(show(solution.value)), ...edgeLabels.map(textWidth));
  const widestBox = Math.max(...layout.vertices.map(boxWidth));
  const columnGap = Math.max(170, widestLabel + 2 * RADIUS + 40, widestBox + 90);

  const ys = verticalPositions(layout.vertices, neighbours, layout.columns, layout.rows);
  const top = MARGIN + 20;
  const left = MARGIN + widestBox / 2;
  const position = (v: FigureVertex) => ({ x: left + v.column * columnGap, y: top + ys.get(v.id)! });

  const parts: string[] = [];
  // Parallel edges between the same two vertices (mul(x, x)) are spread apart vertically.
  const pairCount = new Map<string, number>();
  const pairIndex = layout.links.map((link) => {
    const key = `${link.from}\u0000${link.to}`;
    const k = pairCount.get(key) ?? 0;
    pairCount.set(key, k + 1);
    return k;
  });
  // Edges that skip columns run along lanes under the figure, so that they never cross a node.
  const bottom = top + Math.max(...ys.values()) + RADIUS + 30;
  let lanes = 0;
  layout.links.forEach((link, n) => {
    const edge = solution.edges[link.edge];
    const a = byId.get(link.from)!;
    const b = byId.get(link.to)!;
    const p = position(a);
    const q = position(b);
    const backward = edge.fromKind === 'literal' || edge.backward === null ? null : show(edge.backward);
    if (b.column - a.column > 1) {
      const laneY = bottom + 20 + lanes++ * 52;
      // Out to the right, down in the gap between two columns (where no vertex is), along the lane, up to b.
      const start = { x: p.x + halfWidth(a), y: p.y };
      const turn = { x: start.x + 18, y: p.y };
      const corner1 = { x: turn.x, y: laneY };
      const corner2 = { x: q.x - RADIUS - 34, y: laneY };
      const dx = q.x - corner2.x;
      const dy = q.y - corner2.y;
      const length = Math.hypot(dx, dy);
      const end = { x: q.x - (dx / length) * (RADIUS + 2), y: q.y - (dy / length) * (RADIUS + 2) };
      parts.push(laneArrow([start, turn, corner1, corner2, end], backward, show(edge.forward), prefix));
      return;
    }
    const copies = pairCount.get(`${link.from}\u0000${link.to}`)!;
    const spread = (pairIndex[n] - (copies - 1) / 2) * 22;
    const from = { x: p.x + halfWidth(a), y: p.y + spread };
    const dx = q.x - from.x;
    const dy = q.y + spread - from.y;
    const length = Math.hypot(dx, dy);
    const to = { x: q.x - (dx / length) * (RADIUS + 2), y: q.y + spread - (dy / length) * (RADIUS + 2) };
    parts.push(arrow(from, to, backward, show(edge.forward), prefix));
  });

  // An output that is an input may have several boxes: the arrow leaves the last one.
  const output =
    byId.get(solution.spec.output) ??
    layout.vertices.filter((v) => v.kind === 'input' && v.label === solution.spec.output).at(-1)!;
  const o = position(output);
  const outFrom = { x: o.x + halfWidth(output), y: o.y };
  const outTo = { x: o.x + halfWidth(output) + columnGap - 2 * RADIUS, y: o.y };
  parts.push(arrow(outFrom, outTo, '1', show(solution.value), prefix));

  const nodes = new Map(solution.spec.nodes.map((n) => [n.name, n]));
  for (const v of layout.vertices) parts.push(vertexSvg(v, position(v), nodes));

  const width = Math.ceil(outTo.x + MARGIN);
  const height = Math.ceil(
    lanes > 0 ? bottom + lanes * 52 + MARGIN : top + Math.max(...ys.values()) + RADIUS + 34 + MARGIN,
  );
  const title = options.title ?? `Computational graph of ${solution.spec.output}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="backprop-graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" font-family="Helvetica, Arial, 'Noto Sans CJK JP', sans-serif" font-size="13">`,
    `<title>${escapeXml(title)}</title>`,
    '<defs>',
    marker(`${prefix}-fwd`, FORWARD_COLOUR),
    marker(`${prefix}-bwd`, BACKWARD_COLOUR),
    '</defs>',
    ...parts,
    '</svg>',
  ].join('\n');
}

function marker(id: string, colour: string): string {
  return `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`;
}

type Point = { readonly x: number; readonly y: number };
const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

/** A forward arrow with its value above and, when there is one, a backward arrow with its value below. */
function arrow(from: Point, to: Point, backward: string | null, forward: string, prefix: string): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy) || 1;
  // Unit normal pointing up the page: forward labels go on this side, backward on the other.
  const nx = dy / length;
  const ny = -dx / length;
  // Labels sit a little before the middle, where edges converging on one node are still apart.
  const mid = { x: from.x + dx * 0.42, y: from.y + dy * 0.42 };
  // How far along the normal a label's box must sit to clear the line: half its extent across it.
  const clear = (label: string) => (textWidth(label) / 2) * Math.abs(nx) + 8 * Math.abs(ny) + 3;
  const out = [
    `<line class="edge-forward" x1="${fmt(from.x)}" y1="${fmt(from.y)}" x2="${fmt(to.x)}" y2="${fmt(to.y)}" stroke="${FORWARD_COLOUR}" stroke-width="1.6" marker-end="url(#${prefix}-fwd)"/>`,
    `<text class="value-forward" x="${fmt(mid.x + nx * clear(forward))}" y="${fmt(mid.y + ny * clear(forward))}" fill="${FORWARD_COLOUR}" text-anchor="middle" dominant-baseline="central">${escapeXml(forward)}</text>`,
  ];
  if (backward !== null) {
    // A thin returning arrow just under the forward one, as DLfS draws the backward flow.
    const off = 5;
    const b1 = { x: to.x - nx * off, y: to.y - ny * off };
    const b2 = { x: from.x - nx * off, y: from.y - ny * off };
    out.push(
      `<line class="edge-backward" x1="${fmt(b1.x)}" y1="${fmt(b1.y)}" x2="${fmt(b2.x)}" y2="${fmt(b2.y)}" stroke="${BACKWARD_COLOUR}" stroke-width="1.2" stroke-dasharray="5 3" marker-end="url(#${prefix}-bwd)"/>`,
      `<text class="value-backward" x="${fmt(mid.x - nx * (clear(backward) + off))}" y="${fmt(mid.y - ny * (clear(backward) + off))}" fill="${BACKWARD_COLOUR}" text-anchor="middle" dominant-baseline="central">${escapeXml(backward)}</text>`,
    );
  }
  return out.join('\n');
}

const points = (ps: readonly Point[]) => ps.map((p) => `${fmt(p.x)},${fmt(p.y)}`).join(' ');

/** An edge routed along a lane: the values sit on its long horizontal part. */
function laneArrow(ps: readonly Point[], backward: string | null, forward: string, prefix: string): string {
  const [, , c1, c2] = ps;
  const midX = (c1.x + c2.x) / 2;
  const out = [
    `<polyline class="edge-forward" points="${points(ps)}" fill="none" stroke="${FORWARD_COLOUR}" stroke-width="1.6" marker-end="url(#${prefix}-fwd)"/>`,
    `<text class="value-forward" x="${fmt(midX)}" y="${fmt(c1.y - 11)}" fill="${FORWARD_COLOUR}" text-anchor="middle" dominant-baseline="central">${escapeXml(forward)}</text>`,
  ];
  if (backward !== null) {
    const back = ps.map((p) => ({ x: p.x + 5, y: p.y + 5 })).reverse();
    out.push(
      `<polyline class="edge-backward" points="${points(back)}" fill="none" stroke="${BACKWARD_COLOUR}" stroke-width="1.2" stroke-dasharray="5 3" marker-end="url(#${prefix}-bwd)"/>`,
      `<text class="value-backward" x="${fmt(midX)}" y="${fmt(c1.y + 21)}" fill="${BACKWARD_COLOUR}" text-anchor="middle" dominant-baseline="central">${escapeXml(backward)}</text>`,
    );
  }
  return out.join('\n');
}

function vertexSvg(v: FigureVertex, p: Point, nodes: ReadonlyMap<string, GraphNode>): string {
  const label = escapeXml(v.label);
  if (v.kind === 'node') {
    const node = nodes.get(v.id)!;
    const exponent = node.op === 'pow' && node.args[1].kind === 'literal' ? node.args[1].text : null;
    const symbol = opLabel(node.op, exponent);
    const size = [...symbol].length > 3 ? 11 : [...symbol].length > 1 ? 13 : 18;
    return [
      `<g class="node" data-name="${label}">`,
      `<circle cx="${fmt(p.x)}" cy="${fmt(p.y)}" r="${RADIUS}" fill="#ffffff" stroke="#333333" stroke-width="1.5"/>`,
      `<text x="${fmt(p.x)}" y="${fmt(p.y)}" text-anchor="middle" dominant-baseline="central" font-size="${size}">${escapeXml(symbol)}</text>`,
      `<text class="node-name" x="${fmt(p.x)}" y="${fmt(p.y + RADIUS + 16)}" text-anchor="middle" fill="#555555" font-size="12">${label}</text>`,
      '</g>',
    ].join('\n');
  }
  const w = boxWidth(v);
  const dashed = v.kind === 'literal' ? ' stroke-dasharray="3 2"' : '';
  return [
    `<g class="${v.kind}" data-name="${label}">`,
    `<rect x="${fmt(p.x - w / 2)}" y="${fmt(p.y - 14)}" width="${fmt(w)}" height="28" rx="6" fill="${v.kind === 'literal' ? '#f6f6f6' : '#eef3fb'}" stroke="#333333"${dashed}/>`,
    `<text x="${fmt(p.x)}" y="${fmt(p.y)}" text-anchor="middle" dominant-baseline="central">${label}</text>`,
    '</g>',
  ].join('\n');
}
