// The document model moved to src/document/model.ts; this re-export keeps the CLI's import working
// until it imports from there.
export type { Inline, RichText, Relation, DocStep, Block, DocSection, WorkedDocument } from '../document/model';
export { documentMath } from '../document/model';
