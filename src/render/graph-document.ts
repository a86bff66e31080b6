// The graph document builder moved to src/document/graph.ts; this re-export keeps the CLI's import
// working until it imports from there.
export { graphDocument, type GraphDocumentOptions } from '../document/graph';
