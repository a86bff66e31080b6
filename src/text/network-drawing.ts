// A network drawn as text for the terminal: one column per layer, each unit a box holding its lines
// (its values), the inputs on the left and the targets on the right. Between two layers a bus joins
// every unit to every unit of the next (fully connected), labelled with the weight matrix:
//
//   input  W¹   layer 1
//               ╭────╮
//   x₁ 2 ──────▶│ y₁ │
//               ╰────╯
//
// A network too wide for the columns is drawn layer under layer instead. Plain data in, lines out:
// the callers say what each unit shows, in their own notation.
import { text, type Text } from './lang';
import { displayWidth, padEnd } from './width';

export interface DrawnColumn {
  /** The heading above the column ("input", "layer 1 · σ"). */
  readonly title: string;
  /** Each unit's lines, top to bottom. */
  readonly units: readonly (readonly string[])[];
  /** Units in boxes (the layers) or bare (the inputs, the targets). */
  readonly boxed: boolean;
}

export interface NetworkDrawing {
  readonly columns: readonly DrawnColumn[];
  /**
   * One per gap between two columns: the label of the bus that joins them (W⁽¹⁾), or null where the
   * columns stand side by side unjoined (an output beside its target).
   */
  readonly links: readonly (string | null)[];
  /** What the drawing shows, in the reader's language (printed under it). */
  readonly legend: string;
}

/** The part of a legend every drawing shares: how the buses read. */
export const BUS_LEGEND: Text = text(
  'Every unit feeds every unit of the next layer through W (the lines join at ┬ ┤ ├ ┼).',
  '各ユニットは W を通して次の層のすべてのユニットにつながります（線は ┬ ┤ ├ ┼ で合流）。',
);

const BUS = 7;
const GAP = 3;

const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
const center = (s: string, w: number) => {
  const left = Math.floor((w - displayWidth(s)) / 2);
  return padEnd(' '.repeat(Math.max(0, left)) + s, w);
};

interface Laid {
  readonly width: number;
  /** Rows of the drawing (below the title), each `width` columns. */
  readonly rows: string[];
  /** The row each unit is entered at (its first line) and left from (its last line: the output). */
  readonly inPorts: readonly number[];
  readonly outPorts: readonly number[];
}

/** A bare source's lines keep one column clear of the bus. */
function unitWidth(c: DrawnColumn, source = false): number {
  const widest = Math.max(0, ...c.units.flatMap((u) => u.map(displayWidth)));
  return c.boxed ? widest + 4 : widest + (source ? 1 : 0);
}

function unitHeight(c: DrawnColumn, u: readonly string[]): number {
  return Math.max(1, u.length) + (c.boxed ? 2 : 0);
}

/**
 * A column laid out in `height` rows, its units centred, or each at the row of `at` (bare one-line
 * units beside the previous column's outputs); bare units right-aligned when a bus leaves them.
 */
function layColumn(c: DrawnColumn, height: number, source: boolean, at: readonly number[] | null): Laid {
  const inner = unitWidth(c, source && !c.boxed);
  const width = Math.max(displayWidth(c.title), inner);
  const own = c.units.reduce((h, u) => h + unitHeight(c, u), 0) + Math.max(0, c.units.length - 1);
  const rows: string[] = Array.from({ length: height }, () => ' '.repeat(width));
  const inPorts: number[] = [];
  const outPorts: number[] = [];
  const beside = at !== null && !c.boxed && at.length === c.units.length && c.units.every((u) => u.length <= 1);
  let top = Math.floor((height - own) / 2);
  // Units sit against the buses: a bare source (the inputs) on the right, everything else on the left.
  const offset = !c.boxed && source ? width - inner : 0;
  const put = (row: number, s: string) => {
    rows[row] = padEnd(' '.repeat(offset) + s, width);
  };
  c.units.forEach((u, k) => {
    const lines = u.length === 0 ? [''] : u;
    if (beside) top = at[k];
    if (c.boxed) {
      put(top, `╭${'─'.repeat(inner - 2)}╮`);
      lines.forEach((l, i) => {
        put(top + 1 + i, `│ ${padEnd(l, inner - 4)} │`);
      });
      put(top + lines.length + 1, `╰${'─'.repeat(inner - 2)}╯`);
      inPorts.push(top + 1);
      outPorts.push(top + lines.length);
      // A box narrower than its column's title: its output line runs on to the bus.
      if (source) {
        const run = rows[top + lines.length].trimEnd();
        rows[top + lines.length] = run + '─'.repeat(Math.max(0, width - displayWidth(run)));
      }
    } else {
      lines.forEach((l, i) => {
        put(top + i, source ? padStart(`${l} `, inner) : padEnd(l, inner));
      });
      const middle = top + Math.floor((lines.length - 1) / 2);
      inPorts.push(middle);
      outPorts.push(middle);
    }
    top += unitHeight(c, u) + 1;
  });
  return { width, rows, inPorts, outPorts };
}

const JOIN: Readonly<Record<string, string>> = {
  // up, down, left, right
  '1111': '┼',
  '1110': '┤',
  '1101': '├',
  '1100': '│',
  '0111': '┬',
  '0110': '┐',
  '0101': '┌',
  '1011': '┴',
  '1010': '┘',
  '1001': '└',
  '0011': '─',
};

/** The bus between two columns: stubs from the sources' ports into a vertical line, arrows to the targets'. */
function layBus(from: readonly number[], to: readonly number[], height: number): string[] {
  const lo = Math.min(...from, ...to);
  const hi = Math.max(...from, ...to);
  return Array.from({ length: height }, (_, r) => {
    const left = from.includes(r);
    const right = to.includes(r);
    if (r < lo || r > hi) return ' '.repeat(BUS);
    const key = `${r > lo ? 1 : 0}${r < hi ? 1 : 0}${left ? 1 : 0}${right ? 1 : 0}`;
    return `${left ? '───' : '   '}${JOIN[key] ?? '│'}${right ? '──▶' : '   '}`;
  });
}

/** The drawing in columns, or null when it is wider than `width`. */
function across(d: NetworkDrawing, width: number): string[] | null {
  const height = Math.max(
    1,
    ...d.columns.map((c) => c.units.reduce((h, u) => h + unitHeight(c, u), 0) + Math.max(0, c.units.length - 1)),
  );
  const laid: Laid[] = [];
  d.columns.forEach((c, i) => {
    const source = i < d.links.length && d.links[i] !== null;
    const beside = i > 0 && d.links[i - 1] === null ? laid[i - 1].outPorts : null;
    laid.push(layColumn(c, height, source, beside));
  });
  const titles: string[] = [];
  const rows: string[][] = Array.from({ length: height }, () => []);
  laid.forEach((col, i) => {
    titles.push(center(d.columns[i].title, col.width));
    col.rows.forEach((r, k) => {
      rows[k].push(r);
    });
    if (i === laid.length - 1) return;
    const link = d.links[i] ?? null;
    if (link === null) {
      titles.push(' '.repeat(GAP));
      for (const r of rows) r.push(' '.repeat(GAP));
      return;
    }
    titles.push(center(link, BUS));
    layBus(col.outPorts, laid[i + 1].inPorts, height).forEach((b, k) => {
      rows[k].push(b);
    });
  });
  const out = [titles.join(''), ...rows.map((r) => r.join(''))].map((l) => l.trimEnd());
  return out.every((l) => displayWidth(l) <= width) ? out : null;
}

/** Layer under layer, for a network too wide to draw across: each column on its own lines. */
function down(d: NetworkDrawing): string[] {
  const out: string[] = [];
  d.columns.forEach((c, i) => {
    out.push(`${c.title}:`);
    c.units.forEach((u) => {
      out.push(`  ${c.boxed ? `[ ${u.join(', ')} ]` : u.join(', ')}`);
    });
    const link = d.links[i];
    if (i < d.columns.length - 1 && link !== undefined && link !== null) out.push(`    ↓ ${link}`);
  });
  return out;
}

/** The network as lines of text at most `width` columns wide where it can be drawn across. */
export function drawNetwork(d: NetworkDrawing, width: number): string[] {
  return across(d, width) ?? down(d);
}
