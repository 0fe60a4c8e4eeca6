import { ToolFailure } from './tool-failure';

const MAX_LENGTH = 1000;
const MAX_DEPTH = 100;

/**
 * A recursive-descent arithmetic evaluator (never eval):
 *   expr   := term (("+" | "-") term)*
 *   term   := unary (("*" | "/" | "%") unary)*
 *   unary  := ("-" | "+") unary | power
 *   power  := primary ("^" unary)?        right-associative, so -2^2 = -4 and 2^3^2 = 512
 *   primary:= number | "(" expr ")"
 */
export function evaluateArithmetic(source: string): number {
  if (source.length > MAX_LENGTH) throw new ToolFailure(`expression is longer than ${MAX_LENGTH} characters`);
  const parser = new Parser(source);
  const value = parser.expression(0);
  parser.skipSpace();
  if (!parser.atEnd()) throw new ToolFailure(`unexpected "${parser.peek()}" at position ${parser.position + 1}`);
  if (!Number.isFinite(value)) throw new ToolFailure('the result is not a finite number');
  return value;
}

class Parser {
  position = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.position >= this.source.length;
  }

  peek(): string {
    return this.source[this.position] ?? '';
  }

  skipSpace(): void {
    while (/\s/.test(this.peek()) && !this.atEnd()) this.position += 1;
  }

  private take(char: string): boolean {
    this.skipSpace();
    if (this.peek() !== char) return false;
    this.position += 1;
    return true;
  }

  expression(depth: number): number {
    if (depth > MAX_DEPTH) throw new ToolFailure('expression is nested too deeply');
    let value = this.term(depth);
    for (;;) {
      if (this.take('+')) value += this.term(depth);
      else if (this.take('-')) value -= this.term(depth);
      else return value;
    }
  }

  private term(depth: number): number {
    let value = this.unary(depth);
    for (;;) {
      if (this.take('*')) value *= this.unary(depth);
      else if (this.take('/')) value = divide(value, this.unary(depth), '/');
      else if (this.take('%')) value = divide(value, this.unary(depth), '%');
      else return value;
    }
  }

  private unary(depth: number): number {
    if (depth > MAX_DEPTH) throw new ToolFailure('expression is nested too deeply');
    if (this.take('-')) return -this.unary(depth + 1);
    if (this.take('+')) return this.unary(depth + 1);
    return this.power(depth);
  }

  private power(depth: number): number {
    const base = this.primary(depth);
    if (this.take('^')) return base ** this.unary(depth + 1);
    return base;
  }

  private primary(depth: number): number {
    if (this.take('(')) {
      const value = this.expression(depth + 1);
      if (!this.take(')')) throw new ToolFailure(`missing ")" at position ${this.position + 1}`);
      return value;
    }
    this.skipSpace();
    const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(this.source.slice(this.position));
    if (!match) {
      throw new ToolFailure(this.atEnd() ? 'unexpected end of expression' : `unexpected "${this.peek()}" at position ${this.position + 1}`);
    }
    this.position += match[0].length;
    return Number(match[0]);
  }
}

function divide(left: number, right: number, op: '/' | '%'): number {
  if (right === 0) throw new ToolFailure('division by zero');
  return op === '/' ? left / right : left % right;
}
