// ln of a network output, for the cross-entropy losses. An output is in (0, 1), but a softmax or sigmoid
// of a huge pre-activation is 0 (or 1) to every digit held, and an exercise file can state 0: then the
// logarithm is out of reach, said as what is too small to compute (e^(−|a|)), not as a crash.
import { Decimal, OutOfRangeError, evaluateExpr, ln, sign, type Value } from '../../number/value';

/** The error for an output at 0 or 1 to every digit: e^(−|a|) of its function's argument is too small. */
export function saturated(y: Value): OutOfRangeError {
  const a = y.kind === 'real' && y.expr.op === 'call' ? evaluateExpr(y.expr.arg, Decimal) : null;
  return new OutOfRangeError(a === null ? '-∞' : a.abs().neg().toSignificantDigits(6).toString(), true);
}

/** ln y of an output that must be positive. */
export function lnOfOutput(y: Value): Value {
  if (sign(y) <= 0) throw saturated(y);
  return ln(y);
}
