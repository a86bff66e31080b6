// A tiny float evaluator for the model answers of symbolic exercises (numbers, identifiers,
// + - * / ^, unary minus, parentheses, exp(...), sigmoid(...), tanh(...)), written for the tests only: it checks that the
// stored expression strings parse with the documented syntax and have the right values.

const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  exp: Math.exp,
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  tanh: Math.tanh,
};

export function evaluate(text: string, vars: Readonly<Record<string, number>>): number {
  let pos = 0;
  const peek = () => text[pos];
  const skip = () => {
    while (text[pos] === ' ') pos++;
  };
  const expect = (c: string) => {
    skip();
    if (text[pos] !== c) throw new Error(`expected ${c} at ${pos} in ${text}`);
    pos++;
  };
  const primary = (): number => {
    skip();
    if (peek() === '(') {
      pos++;
      const v = sum();
      expect(')');
      return v;
    }
    const numMatch = /^\d+(\.\d+)?/.exec(text.slice(pos));
    if (numMatch) {
      pos += numMatch[0].length;
      return Number(numMatch[0]);
    }
    const id = /^[A-Za-z][A-Za-z0-9_]*/.exec(text.slice(pos));
    if (!id) throw new Error(`unexpected "${text.slice(pos)}" in ${text}`);
    pos += id[0].length;
    const fn = FUNCTIONS[id[0]];
    if (fn) {
      expect('(');
      const v = sum();
      expect(')');
      return fn(v);
    }
    if (!(id[0] in vars)) throw new Error(`unknown variable ${id[0]} in ${text}`);
    return vars[id[0]];
  };
  const power = (): number => {
    const base = primary();
    skip();
    if (peek() === '^') {
      pos++;
      return base ** unary();
    }
    return base;
  };
  const unary = (): number => {
    skip();
    if (peek() === '-') {
      pos++;
      return -unary();
    }
    return power();
  };
  const product = (): number => {
    let v = unary();
    for (;;) {
      skip();
      if (peek() === '*') {
        pos++;
        v *= unary();
      } else if (peek() === '/') {
        pos++;
        v /= unary();
      } else return v;
    }
  };
  const sum = (): number => {
    let v = product();
    for (;;) {
      skip();
      if (peek() === '+') {
        pos++;
        v += product();
      } else if (peek() === '-') {
        pos++;
        v -= product();
      } else return v;
    }
  };
  const v = sum();
  skip();
  if (pos !== text.length) throw new Error(`trailing "${text.slice(pos)}" in ${text}`);
  return v;
}

/** Identifiers used in an expression (function names excluded). */
export function identifiers(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z0-9_]*/g)].map((m) => m[0]).filter((name) => !(name in FUNCTIONS));
}
