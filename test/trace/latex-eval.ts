// A small, independent evaluator for the LaTeX that steps substitute numbers into, in float64: what a
// student does with a calculator. Tests evaluate a step's substituted form and its typeset result and
// compare them with the engine's value, so the typesetting is checked against the numbers, not
// against itself. It knows only the notation the steps use: numbers, \frac, + − \cdot \odot,
// juxtaposition, powers and ^{\top}, e^{…}, \sigma \tanh \ln \max \min and the \mathrm{…} activations,
// round and square brackets (\left/\right or plain), and pmatrix.

export type Num = number | number[][];

type Token = string;

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s+|\\\\|\\[a-zA-Z]+|\\[,!;: ]|\d+(?:\.\d+)?|./gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const t = m[0];
    if (/^\s+$/.test(t) || /^\\[,!;: ]$/.test(t)) continue;
    tokens.push(t);
  }
  return tokens;
}

const ACTIVATIONS: Record<string, (x: number, extra?: number) => number> = {
  '\\sigma': (x) => 1 / (1 + Math.exp(-x)),
  '\\tanh': Math.tanh,
  '\\ln': Math.log,
  ReLU: (x) => Math.max(0, x),
  ReLU6: (x) => Math.min(Math.max(0, x), 6),
  id: (x) => x,
};

function isMatrix(x: Num): x is number[][] {
  return Array.isArray(x);
}

function elementwise(a: Num, b: Num, f: (x: number, y: number) => number): Num {
  if (!isMatrix(a) && !isMatrix(b)) return f(a, b);
  if (!isMatrix(a)) return (b as number[][]).map((row) => row.map((y) => f(a, y)));
  if (!isMatrix(b)) return a.map((row) => row.map((x) => f(x, b)));
  // Broadcasting of a single row or column (a bias added to every sample).
  const rows = Math.max(a.length, b.length);
  const cols = Math.max(a[0].length, b[0].length);
  const at = (m: number[][], i: number, j: number) => m[m.length === 1 ? 0 : i][m[0].length === 1 ? 0 : j];
  for (const m of [a, b]) {
    if ((m.length !== rows && m.length !== 1) || (m[0].length !== cols && m[0].length !== 1))
      throw new Error('shape mismatch');
  }
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(at(a, i, j), at(b, i, j))));
}

function matmul(a: Num, b: Num): Num {
  if (!isMatrix(a) || !isMatrix(b)) return elementwise(a, b, (x, y) => x * y);
  if (a[0].length !== b.length)
    throw new Error(`matmul shapes ${a.length}x${a[0].length} · ${b.length}x${b[0].length}`);
  return a.map((row) => b[0].map((_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)));
}

function apply(f: (x: number) => number, x: Num): Num {
  return isMatrix(x) ? x.map((row) => row.map(f)) : f(x);
}

/** softmax of each row (or each column: one column per sample in the w-x layout's matrix form). */
function softmax(x: Num, columns: boolean): Num {
  if (!isMatrix(x)) throw new Error('softmax of a scalar');
  const rows = columns ? x[0].map((_, j) => x.map((row) => row[j])) : x;
  const out = rows.map((row) => {
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const total = e.reduce((s, v) => s + v, 0);
    return e.map((v) => v / total);
  });
  return columns ? out[0].map((_, j) => out.map((row) => row[j])) : out;
}

class Parser {
  private i = 0;
  constructor(
    private readonly t: Token[],
    private readonly columns: boolean,
  ) {}

  private peek(): Token | undefined {
    return this.t[this.i];
  }

  private next(): Token {
    const t = this.t[this.i++];
    if (t === undefined) throw new Error('unexpected end');
    return t;
  }

  private expect(t: Token): void {
    const got = this.next();
    if (got !== t) throw new Error(`expected ${t}, got ${got} at ${this.i}`);
  }

  parseAll(): Num {
    const v = this.expr();
    if (this.i !== this.t.length) throw new Error(`trailing tokens: ${this.t.slice(this.i).join(' ')}`);
    return v;
  }

  private group(): Num {
    this.expect('{');
    const v = this.expr();
    this.expect('}');
    return v;
  }

  expr(): Num {
    let v = this.term();
    for (;;) {
      const t = this.peek();
      if (t === '+') {
        this.next();
        v = elementwise(v, this.term(), (x, y) => x + y);
      } else if (t === '-') {
        this.next();
        v = elementwise(v, this.term(), (x, y) => x - y);
      } else return v;
    }
  }

  private startsPrimary(t: Token | undefined): boolean {
    return (
      t !== undefined &&
      (/^\d/.test(t) ||
        ['(', '[', '{', '\\left', '\\frac', '\\begin', 'e', '\\mathrm', '\\max', '\\min'].includes(t) ||
        t in ACTIVATIONS)
    );
  }

  private term(): Num {
    let v = this.unary();
    for (;;) {
      const t = this.peek();
      if (t === '\\cdot') {
        this.next();
        v = matmul(v, this.unary());
      } else if (t === '\\odot') {
        this.next();
        v = elementwise(v, this.unary(), (x, y) => x * y);
      } else if (this.startsPrimary(t)) {
        v = matmul(v, this.unary());
      } else return v;
    }
  }

  private unary(): Num {
    if (this.peek() === '-') {
      this.next();
      return apply((x) => -x, this.unary());
    }
    return this.postfix();
  }

  private postfix(): Num {
    let v = this.primary();
    while (this.peek() === '^') {
      this.next();
      this.expect('{');
      if (this.peek() === '\\top') {
        this.next();
        this.expect('}');
        if (!isMatrix(v)) throw new Error('transpose of a scalar');
        const m = v;
        v = m[0].map((_, j) => m.map((row) => row[j]));
      } else {
        const e = this.expr();
        this.expect('}');
        if (isMatrix(e)) throw new Error('matrix exponent');
        v = apply((x) => x ** e, v);
      }
    }
    return v;
  }

  /** ( … ), [ … ], \left( … \right), \left[ … \right]; returns the comma-separated parts. */
  private bracketed(): Num[] {
    let sized = false;
    if (this.peek() === '\\left') {
      this.next();
      sized = true;
    }
    const open = this.next();
    if (open !== '(' && open !== '[') throw new Error(`expected a bracket, got ${open}`);
    const close = open === '(' ? ')' : ']';
    if (open === '[' && sized) {
      const iverson = this.iverson();
      if (iverson !== null) {
        this.expect('\\right');
        this.expect(']');
        return [iverson];
      }
    }
    const parts = [this.expr()];
    while (this.peek() === ',') {
      this.next();
      parts.push(this.expr());
    }
    if (sized) this.expect('\\right');
    this.expect(close);
    return parts;
  }

  /**
   * The Iverson bracket's content, "A > 0" or "0 < A < 6" (relations >, <, \\ge, \\le): 1 where every
   * relation holds, element by element, else 0. Null (nothing consumed) when there is no relation.
   */
  private iverson(): Num | null {
    const start = this.i;
    const RELATIONS: Record<string, (x: number, y: number) => boolean> = {
      '>': (x, y) => x > y,
      '<': (x, y) => x < y,
      '\\ge': (x, y) => x >= y,
      '\\le': (x, y) => x <= y,
    };
    const operands = [this.expr()];
    const relations: ((x: number, y: number) => boolean)[] = [];
    while (this.peek() !== undefined && this.peek()! in RELATIONS) {
      relations.push(RELATIONS[this.next()]);
      operands.push(this.expr());
    }
    if (relations.length === 0) {
      this.i = start;
      return null;
    }
    const shape = operands.find(isMatrix) as number[][] | undefined;
    const at = (x: Num, r: number, c: number) => (isMatrix(x) ? x[r][c] : x);
    const holds = (r: number, c: number) =>
      relations.every((rel, k) => rel(at(operands[k], r, c), at(operands[k + 1], r, c)));
    return shape ? shape.map((row, r) => row.map((_, c) => (holds(r, c) ? 1 : 0))) : holds(0, 0) ? 1 : 0;
  }

  private matrix(): number[][] {
    this.expect('\\begin');
    this.expect('{');
    while (this.peek() !== '}') this.next();
    this.expect('}');
    const rows: number[][] = [[]];
    for (;;) {
      const v = this.expr();
      if (isMatrix(v)) throw new Error('nested matrix');
      rows[rows.length - 1].push(v);
      const t = this.next();
      if (t === '&') continue;
      if (t === '\\\\') {
        rows.push([]);
        continue;
      }
      if (t === '\\end') {
        this.expect('{');
        while (this.next() !== '}');
        return rows;
      }
      throw new Error(`unexpected ${t} in a matrix`);
    }
  }

  /** The argument of a function: a bracketed list or a matrix. */
  private args(): Num[] {
    return this.peek() === '\\begin' ? [this.matrix()] : this.bracketed();
  }

  private primary(): Num {
    const t = this.peek();
    if (t === undefined) throw new Error('unexpected end');
    if (/^\d/.test(t)) {
      this.next();
      return Number(t);
    }
    if (t === '(' || t === '[' || t === '\\left') {
      const parts = this.bracketed();
      if (parts.length !== 1) throw new Error('a list outside a function call');
      return parts[0];
    }
    if (t === '{') return this.group();
    if (t === '\\frac') {
      this.next();
      const a = this.group();
      const b = this.group();
      return elementwise(a, b, (x, y) => x / y);
    }
    if (t === '\\begin') return this.matrix();
    if (t === 'e') {
      this.next();
      this.expect('^');
      return apply(Math.exp, this.group());
    }
    if (t === '\\max' || t === '\\min') {
      this.next();
      const [a, b] = this.args();
      return elementwise(a, b, t === '\\max' ? Math.max : Math.min);
    }
    if (t === '\\mathrm') {
      this.next();
      this.expect('{');
      let name = '';
      while (this.peek() !== '}') name += this.next();
      this.expect('}');
      if (name === 'LeakyReLU' || name === 'PReLU') {
        this.expect('_');
        const alpha = this.group();
        if (isMatrix(alpha)) throw new Error('matrix slope');
        return apply((x) => (x > 0 ? x : alpha * x), this.args()[0]);
      }
      if (name === 'softmax') return softmax(this.args()[0], this.columns);
      const f = ACTIVATIONS[name];
      if (!f) throw new Error(`unknown function \\mathrm{${name}}`);
      return apply(f, this.args()[0]);
    }
    if (t in ACTIVATIONS) {
      this.next();
      return apply(ACTIVATIONS[t], this.args()[0]);
    }
    throw new Error(`unexpected token ${t}`);
  }
}

/** Evaluates a substituted formula. */
export function evalLatex(src: string, options: { columns?: boolean } = {}): Num {
  return new Parser(tokenize(src), options.columns ?? false).parseAll();
}

/** The parts of a result (introduced by `firstRelation`) such as "\frac{151}{400} = 0.3775" or "\sigma(…) \approx 0.59…", each evaluated. */
export function evalResultParts(src: string, firstRelation = '='): { value: Num; approximate: boolean }[] {
  const pieces = src.split(/(=|\\approx)/);
  const out: { value: Num; approximate: boolean }[] = [];
  for (let k = 0; k < pieces.length; k += 2) {
    const relation = k === 0 ? firstRelation : pieces[k - 1];
    out.push({ value: evalLatex(pieces[k]), approximate: relation === '\\approx' });
  }
  return out;
}

/** |a − b| within tol·max(1, |b|), element by element. */
export function close(a: Num, b: Num, tol: number): boolean {
  if (isMatrix(a) !== isMatrix(b)) return false;
  if (!isMatrix(a)) return Math.abs(a - (b as number)) <= tol * Math.max(1, Math.abs(b as number));
  const m = b as number[][];
  return (
    a.length === m.length &&
    a.every(
      (row, i) =>
        row.length === m[i].length &&
        row.every((x, j) => Math.abs(x - m[i][j]) <= tol * Math.max(1, Math.abs(m[i][j]))),
    )
  );
}
