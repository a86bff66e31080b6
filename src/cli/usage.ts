// Usage text and the error type for bad command lines (exit code 2).
export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `backprop-tutor — learn backpropagation by hand, with exact numbers

Usage:
  backprop-tutor solve FILE [--format text|json]
      Forward pass, loss, every delta and gradient, one gradient-descent update and the loss
      after it, for the network in FILE (YAML or JSON; see README "The network file").
  backprop-tutor --help       Show this help.
  backprop-tutor --version    Show the version.

Examples:
  backprop-tutor solve exercises/mazur.yaml
  backprop-tutor solve exercises/mazur.yaml --format json

Exit codes: 0 success, 1 internal error, 2 bad command line or bad input file.
`;
