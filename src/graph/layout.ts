// Places the vertices of a graph figure in columns, left to right as the values flow: a node one
// column right of its latest argument, an input or constant just left of its first user (as DLfS
// draws tax next to the node that uses it), rows ordered to keep edges short.
import { edgesOutOf } from './edges';
import type { GraphSolution } from './solve';

export interface FigureVertex {
  readonly id: string;
  readonly kind: 'input' | 'node' | 'literal';
  /** A name, or a literal as written. */
  readonly label: string;
  readonly column: number;
  readonly row: number;
}

export interface FigureLink {
  readonly from: string;
  readonly to: string;
  /** Index into solution.edges. */
  readonly edge: number;
}

export interface FigureLayout {
  readonly vertices: readonly FigureVertex[];
  readonly links: readonly FigureLink[];
  readonly columns: number;
  readonly rows: number;
}

/** Vertex id of a literal's box: each use of a number gets its own. */
export const literalId = (edgeIndex: number) => `#literal${edgeIndex}`;

export function layoutGraph(solution: GraphSolution): FigureLayout {
  const { spec, edges } = solution;
  const column = new Map<string, number>();
  for (const node of spec.nodes) {
    const argColumns = node.args.map((arg) => (arg.kind === 'name' ? (column.get(arg.name) ?? 0) : 0));
    column.set(node.name, 1 + Math.max(0, ...argColumns));
  }
  const kinds = new Map<string, FigureVertex['kind']>();
  const labels = new Map<string, string>();
  const links: FigureLink[] = [];
  // An input goes just left of its users. When nodes in different columns use it, each column gets
  // its own copy of the input box, so that no edge has to cross the figure.
  const inputVertex = new Map<string, string>(); // `${name} ${column}` → vertex id
  for (const input of spec.inputs) {
    const userColumns = [
      ...new Set(
        edgesOutOf(solution, input.name)
          .filter((e) => e.fromKind === 'input')
          .map((e) => column.get(e.to)!),
      ),
    ];
    if (userColumns.length === 0) userColumns.push(1);
    for (const c of userColumns.sort((a, b) => a - b)) {
      const id = userColumns.length === 1 ? input.name : `${input.name}#${c}`;
      kinds.set(id, 'input');
      labels.set(id, input.name);
      column.set(id, c - 1);
      inputVertex.set(`${input.name} ${c}`, id);
    }
  }
  for (const node of spec.nodes) {
    kinds.set(node.name, 'node');
    labels.set(node.name, node.name);
  }
  edges.forEach((e, k) => {
    const from =
      e.fromKind === 'literal'
        ? literalId(k)
        : e.fromKind === 'input'
          ? inputVertex.get(`${e.from} ${column.get(e.to)}`)!
          : e.from;
    if (e.fromKind === 'literal') {
      kinds.set(from, 'literal');
      labels.set(from, e.from);
      column.set(from, column.get(e.to)! - 1);
    }
    links.push({ from, to: e.to, edge: k });
  });
  // Inputs used only far to the right leave column 0 empty; shift everything left.
  const minColumn = Math.min(...column.values());
  const ids = [...kinds.keys()];
  const columns = Math.max(...ids.map((id) => column.get(id)! - minColumn)) + 1;
  const byColumn: string[][] = Array.from({ length: columns }, () => []);
  for (const id of ids) byColumn[column.get(id)! - minColumn].push(id);

  // Order rows by the mean row of the neighbours, sweeping right to left and back a few times.
  const rowOf = new Map<string, number>();
  const assign = () => byColumn.forEach((col) => col.forEach((id, r) => rowOf.set(id, r)));
  assign();
  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const link of links) {
    neighbours.get(link.from)!.push(link.to);
    neighbours.get(link.to)!.push(link.from);
  }
  const centre = (id: string) => {
    const ns = neighbours.get(id)!;
    return ns.length === 0 ? rowOf.get(id)! : ns.reduce((s, n) => s + rowOf.get(n)!, 0) / ns.length;
  };
  for (let sweep = 0; sweep < 4; sweep++) {
    const order = sweep % 2 === 0 ? [...byColumn.keys()].reverse() : [...byColumn.keys()];
    for (const c of order) {
      const keyed = byColumn[c].map((id, r) => ({ id, key: centre(id), r }));
      keyed.sort((a, b) => a.key - b.key || a.r - b.r);
      byColumn[c] = keyed.map((x) => x.id);
      assign();
    }
  }
  const rows = Math.max(...byColumn.map((col) => col.length));
  const vertices = ids.map(
    (id): FigureVertex => ({
      id,
      kind: kinds.get(id)!,
      label: labels.get(id)!,
      column: column.get(id)! - minColumn,
      row: rowOf.get(id)!,
    }),
  );
  return { vertices, links, columns, rows };
}
