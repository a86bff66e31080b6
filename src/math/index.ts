// The term tree and its two printers.
export * from './term';
export { latex } from './latex';
export { unicode } from './unicode';
