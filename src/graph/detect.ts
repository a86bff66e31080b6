// Tells a computational-graph file from a network file without loading the graph modules.

/** Whether parsed file data is a graph file (a mapping with a top-level `graph` key). */
export function isGraphSource(data: unknown): boolean {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'graph');
}
