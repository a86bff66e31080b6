// A recursive-descent parser for one scalar expression over a slice of tokens.
//
//   expression := term (("+" | "-") term)*
//   term       := unary (("*" | "/") unary | implicit-factor)*
//   unary      := ("-" | "+") unary | power
//   power      := atom ("^" unary)?                  right-associative: 2^3^2 = 2^9; -2^2 = -(2^2)
//   atom       := number | name | "(" expression ")" | function "(" expression ")" | function unary
//
// Implicit multiplication is allowed only where the reading is unambiguous: 2(1-y), 2x, 2 exp(-1), y(1-y),
// x_j t_j. It is rejected after a number followed by a number ("2 3"), before a number ("x2"), between a
// number and e ("2e"), after a division ("1/2x"), after a power without parentheses ("e^2x") and after a
// function without parentheses ("ln 2 x"); each rejection says how to write it. Depth is capped so a
// deeply nested answer is refused before it can exhaust the stack.
import type { Ast } from './ast';
import { fail } from './errors';
import type { AnswerLimits } from './limits';
import type { Token } from './lexer';

/** What the most recently parsed factor ended with; decides which implicit products are ambiguous. */
type Tail = 'plain' | 'number' | 'bare-power' | 'bare-function';

export function parseExpressionTokens(
  tokens: readonly Token[],
  lo: number,
  hi: number,
  limits: AnswerLimits,
  symbolic: boolean,
): Ast {
  return new Parser(tokens, lo, hi, limits, symbolic).parseAll();
}

class Parser {
  private i: number;
  private depth = 0;
  private tail: Tail = 'plain';
  /** The last parenthesised group parsed: [index of "(", index of ")"]. */
  private group: readonly [number, number] = [-1, -1];

  constructor(
    private readonly tokens: readonly Token[],
    private readonly lo: number,
    private readonly hi: number,
    private readonly limits: AnswerLimits,
    private readonly symbolic: boolean,
  ) {
    this.i = lo;
  }

  parseAll(): Ast {
    const ast = this.expression();
    if (this.i < this.hi) this.leftover(this.tokens[this.i]);
    return ast;
  }

  private peek(): Token | undefined {
    return this.i < this.hi ? this.tokens[this.i] : undefined;
  }

  private enter(pos: number): void {
    if (++this.depth > this.limits.maxDepth) fail('too-deep', { max: this.limits.maxDepth }, pos);
  }

  private leave(): void {
    this.depth--;
  }

  private expression(): Ast {
    let left = this.term();
    for (let t = this.peek(); t?.kind === 'op' && (t.op === '+' || t.op === '-'); t = this.peek()) {
      this.i++;
      const right = this.term();
      left = { type: 'binary', op: t.op, left, right, implicit: false, pos: t.pos };
    }
    return left;
  }

  private term(): Ast {
    let left = this.unary();
    let afterDivision = false;
    for (;;) {
      const t = this.peek();
      if (t?.kind === 'op' && (t.op === '*' || t.op === '/')) {
        this.i++;
        const right = this.unary();
        left = { type: 'binary', op: t.op, left, right, implicit: false, pos: t.pos };
        if (t.op === '/') afterDivision = true;
      } else if (t && startsFactor(t)) {
        this.checkImplicit(t, afterDivision);
        const right = this.power();
        left = { type: 'binary', op: '*', left, right, implicit: true, pos: t.pos };
      } else {
        return left;
      }
    }
  }

  /** Rejects an implicit product whose reading is ambiguous, naming the better spelling. */
  private checkImplicit(next: Token, afterDivision: boolean): void {
    const previous = this.tokens[this.i - 1];
    if (next.kind === 'number') {
      if (this.tail === 'number') fail('adjacent-numbers', { text: `${previous.text} ${next.text}` }, next.pos);
      fail('number-after-operand', { text: previous.text }, next.pos);
    }
    if (this.tail === 'number' && next.kind === 'name' && next.meaning.kind === 'constant') {
      fail('number-then-e', { text: `${previous.text}${next.text}` }, previous.pos);
    }
    if (afterDivision) fail('ambiguous-division', {}, next.pos);
    if (this.tail === 'bare-power') fail('ambiguous-power', {}, next.pos);
    if (this.tail === 'bare-function') fail('ambiguous-function', { text: this.lastBareFunction }, next.pos);
  }

  private lastBareFunction = '';

  private unary(): Ast {
    const t = this.peek();
    if (t?.kind === 'op' && (t.op === '-' || t.op === '+')) {
      this.i++;
      this.enter(t.pos);
      const arg = this.unary();
      this.leave();
      return t.op === '-' ? { type: 'neg', arg, pos: t.pos } : arg;
    }
    return this.power();
  }

  private power(): Ast {
    const base = this.atom();
    const t = this.peek();
    if (t?.kind !== 'op' || t.op !== '^') return base;
    this.i++;
    this.enter(t.pos);
    const first = this.i;
    const exponent = this.unary();
    this.leave();
    // e^(2x) is a closed group; e^2 or e^-x is "bare", and a product right after it is ambiguous.
    this.tail = this.group[0] === first && this.group[1] === this.i - 1 ? 'plain' : 'bare-power';
    return { type: 'binary', op: '^', left: base, right: exponent, implicit: false, pos: t.pos };
  }

  private atom(): Ast {
    const t = this.peek();
    if (!t) return this.missing();
    switch (t.kind) {
      case 'number':
        this.i++;
        this.tail = 'number';
        return { type: 'number', literal: t.literal, pos: t.pos };
      case 'name': {
        this.i++;
        const m = t.meaning;
        if (m.kind === 'constant') {
          this.tail = 'plain';
          return { type: 'constant', name: m.name, pos: t.pos };
        }
        if (m.kind === 'variable') {
          this.tail = 'plain';
          return { type: 'variable', name: m.name, pos: t.pos };
        }
        const next = this.peek();
        if (next?.kind === '(') {
          const arg = this.parenthesised();
          return { type: 'call', fn: m.fn, arg, pos: t.pos };
        }
        if (!next || !(startsFactor(next) || (next.kind === 'op' && (next.op === '-' || next.op === '+')))) {
          fail('missing-argument', { text: t.text }, t.pos);
        }
        // ln 2, exp -1, ln 2^3 = ln(2^3): the argument is one signed power, without implicit products.
        this.enter(t.pos);
        const arg = this.unary();
        this.leave();
        this.tail = 'bare-function';
        this.lastBareFunction = t.text;
        return { type: 'call', fn: m.fn, arg, pos: t.pos };
      }
      case '(':
        return this.parenthesised();
      default:
        return this.missing();
    }
  }

  private parenthesised(): Ast {
    const open = this.tokens[this.i];
    const openIndex = this.i++;
    this.enter(open.pos);
    if (!this.peek()) fail('missing-close', {}, open.pos);
    if (this.peek()?.kind === ')') fail('empty-parentheses', {}, open.pos);
    const inner = this.expression();
    const close = this.peek();
    if (close?.kind !== ')') {
      if (!close) fail('missing-close', {}, open.pos);
      this.leftover(close);
    }
    this.i++;
    this.leave();
    this.tail = 'plain';
    this.group = [openIndex, this.i - 1];
    return inner;
  }

  /** An operand was expected: explain from the operator that wanted it ("1 +", "* 2", "1 + * 2"). */
  private missing(): never {
    const t = this.peek();
    const previous = this.i > this.lo ? this.tokens[this.i - 1] : undefined;
    if (previous?.kind === 'op' && (!t || t.kind === 'op' || t.kind === ')' || t.kind === ']')) {
      fail('missing-operand', { text: previous.text, side: 'after' }, previous.pos);
    }
    if (!t) return fail('missing-operand', { text: previous?.text ?? '', side: 'after' }, previous?.pos ?? null);
    if (t.kind === 'op') return fail('missing-operand', { text: t.text, side: 'before' }, t.pos);
    return this.leftover(t);
  }

  /** A token that cannot continue the expression. */
  private leftover(t: Token): never {
    switch (t.kind) {
      case ')':
        return fail('unmatched-close', {}, t.pos);
      case '[':
        return fail('matrix-in-expression', {}, t.pos);
      case ']':
        return fail('unmatched-bracket', {}, t.pos);
      case ',':
      case ';':
      case 'newline':
        return fail(this.symbolic ? 'not-an-expression' : 'unexpected-token', { text: t.text }, t.pos);
      default:
        return fail('unexpected-token', { text: t.text }, t.pos);
    }
  }
}

/** Tokens that can begin a factor of an implicit product. */
function startsFactor(t: Token): boolean {
  return t.kind === 'number' || t.kind === 'name' || t.kind === '(';
}
