// Show-if conditions of other survey tools — LimeSurvey relevance equations (ExpressionScript) and SurveyJS
// `visibleIf` expressions — read as far as our model can hold them (instrument.md "show if": the value of
// one earlier single-choice question is one of a list). Equality, inclusion, their negation and and/or over
// one question reduce to such a list; anything else is reported with the reason.
import type { Condition } from '../instrument/model.js';

export type ShowIfExpression =
  | { readonly kind: 'always' }
  /** `variable` has one of `values` (negated: none of them; negated with no values: answered). */
  | { readonly kind: 'compare'; readonly variable: string; readonly negated: boolean; readonly values: readonly string[] }
  | { readonly kind: 'and' | 'or'; readonly parts: readonly ShowIfExpression[] };

export type ParsedShowIf = { readonly ok: true; readonly expression: ShowIfExpression } | { readonly ok: false; readonly reason: string };

type Token =
  | { readonly kind: 'variable' | 'word' | 'string' | 'number'; readonly text: string }
  | { readonly kind: 'symbol'; readonly text: string };

class Unsupported extends Error {}

const EQ = new Set(['==', '=', 'eq']);
const NE = new Set(['!=', '<>', 'ne']);
const ORDER = new Set(['<', '>', '<=', '>=', 'lt', 'gt', 'le', 'ge']);
const RESERVED = new Set(['and', 'or', 'not', 'eq', 'ne', 'lt', 'gt', 'le', 'ge', 'anyof', 'notanyof', 'allof', 'contains', 'notcontains', 'empty', 'notempty', 'true', 'false', 'is_empty']);
/** LimeSurvey suffixes that mean "the answer's code". */
const VALUE_SUFFIX = /\.(NAOK|value|code)$/i;

export function parseShowIfExpression(text: string): ParsedShowIf {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 0) return { ok: true, expression: { kind: 'always' } };
    const parser = new Parser(tokens);
    const expression = parser.or();
    if (!parser.done()) throw new Unsupported(`unerwartetes „${parser.peek()!.text}“`);
    return { ok: true, expression };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return { ok: false, reason: `Ausdruck „${text.trim().slice(0, 200)}“ ist nicht abbildbar (${error.message}).` };
  }
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const match =
      /^\{([^{}]+)\}/.exec(rest) ??
      /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/.exec(rest) ??
      /^(-?\d+(?:\.\d+)?)(?![\w.])/.exec(rest) ??
      /^([A-Za-z_][\w.#-]*)/.exec(rest) ??
      /^(==|!=|<>|<=|>=|&&|\|\||[=<>!()[\],])/.exec(rest);
    if (!match) throw new Unsupported(`Zeichen „${rest[0]}“ an Stelle ${i + 1}`);
    const raw = match[0];
    if (raw.startsWith('{')) tokens.push({ kind: 'variable', text: match[1]!.trim() });
    else if (raw.startsWith('"') || raw.startsWith("'")) tokens.push({ kind: 'string', text: raw.slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (/^-?\d/.test(raw)) tokens.push({ kind: 'number', text: raw });
    else if (/^[A-Za-z_]/.test(raw)) tokens.push({ kind: 'word', text: raw });
    else tokens.push({ kind: 'symbol', text: raw });
    i += raw.length;
  }
  return tokens;
}

class Parser {
  #at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  peek(): Token | undefined {
    return this.tokens[this.#at];
  }
  done(): boolean {
    return this.#at >= this.tokens.length;
  }
  #next(): Token {
    const token = this.tokens[this.#at++];
    if (!token) throw new Unsupported('Ausdruck endet unerwartet');
    return token;
  }
  #accept(...texts: string[]): boolean {
    const token = this.peek();
    if (token && (token.kind === 'symbol' || token.kind === 'word') && texts.includes(token.text.toLowerCase())) {
      this.#at++;
      return true;
    }
    return false;
  }
  #expect(text: string): void {
    if (!this.#accept(text)) throw new Unsupported(`„${text}“ erwartet`);
  }

  or(): ShowIfExpression {
    const parts = [this.#and()];
    while (this.#accept('or', '||')) parts.push(this.#and());
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }

  #and(): ShowIfExpression {
    const parts = [this.#unary()];
    while (this.#accept('and', '&&')) parts.push(this.#unary());
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }

  #unary(): ShowIfExpression {
    if (this.#accept('!', 'not')) return negate(this.#unary());
    if (this.#accept('(')) {
      const inner = this.or();
      this.#expect(')');
      return inner;
    }
    const token = this.peek();
    if (token?.kind === 'word' && /^is_empty$/i.test(token.text)) {
      this.#at++;
      this.#expect('(');
      const variable = this.#variable(this.#next());
      this.#expect(')');
      return { kind: 'compare', variable, negated: false, values: [] };
    }
    return this.#comparison();
  }

  #comparison(): ShowIfExpression {
    const left = this.#next();
    if (isLiteral(left) && (this.done() || this.#atJunction())) {
      if (['1', 'true'].includes(left.text.toLowerCase())) return { kind: 'always' };
      throw new Unsupported(`feste Bedingung „${left.text}“`);
    }
    const operator = this.#next();
    const op = operator.text.toLowerCase();
    if (op === 'empty' || op === 'notempty') return { kind: 'compare', variable: this.#variable(left), negated: op === 'notempty', values: [] };
    if (op === 'anyof' || op === 'notanyof') return { kind: 'compare', variable: this.#variable(left), negated: op === 'notanyof', values: this.#list() };
    if (op === 'contains' || op === 'notcontains' || op === 'allof') throw new Unsupported(`„${operator.text}“ prüft eine Mehrfachauswahl`);
    if (ORDER.has(op)) throw new Unsupported(`Größer-/Kleiner-Vergleich „${operator.text}“`);
    if (!EQ.has(op) && !NE.has(op)) throw new Unsupported(`Operator „${operator.text}“`);
    const right = this.#next();
    const [variable, value] = isLiteral(right) ? [left, right] : isLiteral(left) ? [right, left] : [undefined, undefined];
    if (!variable || !value) throw new Unsupported('Vergleich zweier Fragen miteinander');
    if (value.text === '') return { kind: 'compare', variable: this.#variable(variable), negated: NE.has(op), values: [] };
    return { kind: 'compare', variable: this.#variable(variable), negated: NE.has(op), values: [value.text] };
  }

  #atJunction(): boolean {
    const token = this.peek();
    return token !== undefined && ['or', '||', 'and', '&&', ')'].includes(token.text.toLowerCase());
  }

  #list(): string[] {
    this.#expect('[');
    const values: string[] = [];
    while (!this.#accept(']')) {
      const value = this.#next();
      if (!isLiteral(value)) throw new Unsupported('Liste mit Nicht-Werten');
      values.push(value.text);
      if (!this.#accept(',') && this.peek()?.text !== ']') throw new Unsupported('„,“ oder „]“ erwartet');
    }
    return values;
  }

  #variable(token: Token): string {
    if (token.kind === 'word' && RESERVED.has(token.text.toLowerCase())) throw new Unsupported(`„${token.text}“ an Stelle einer Frage`);
    if (token.kind === 'variable' || token.kind === 'word') {
      if (/\.(shown|relevanceStatus|NAOK\.shown|question|qid|gid|sgqa|type|mandatory)$/i.test(token.text)) throw new Unsupported(`Eigenschaft „${token.text}“ statt Antwortwert`);
      return token.text.replace(VALUE_SUFFIX, '');
    }
    throw new Unsupported(`„${token.text}“ ist keine Frage`);
  }
}

function isLiteral(token: Token): boolean {
  return token.kind === 'string' || token.kind === 'number' || (token.kind === 'word' && /^(true|false)$/i.test(token.text));
}

function negate(expression: ShowIfExpression): ShowIfExpression {
  if (expression.kind === 'compare') return { ...expression, negated: !expression.negated };
  if (expression.kind === 'always') throw new Unsupported('Bedingung, die nie erfüllt ist');
  return { kind: expression.kind === 'and' ? 'or' : 'and', parts: expression.parts.map(negate) };
}

/** An earlier question a condition may refer to, or the German reason why it cannot be referred to. */
export interface ConditionTarget {
  /** Our question id. */
  readonly id: string;
  readonly type: string;
  /** Source value (LimeSurvey answer code, SurveyJS choice value) → our option id. */
  readonly options: ReadonlyMap<string, string>;
}

export type ShowIfResolution =
  | { readonly kind: 'always' }
  /** `caveat`: how the mapped condition differs from the source (German), e.g. for "not equal". */
  | { readonly kind: 'condition'; readonly condition: Condition; readonly caveat?: string }
  | { readonly kind: 'unmapped'; readonly reason: string };

type Reduced = { readonly kind: 'always' } | { readonly kind: 'set'; readonly variable: string; readonly values: ReadonlySet<string> };

/** Reduces an expression to one condition on one earlier single-choice question. */
export function resolveShowIf(expression: ShowIfExpression, target: (variable: string) => ConditionTarget | string): ShowIfResolution {
  try {
    const reduced = reduce(expression, target);
    if (reduced.kind === 'always') return reduced;
    if (reduced.values.size === 0) return { kind: 'unmapped', reason: 'die Bedingung ist nie erfüllt.' };
    const condition = { variable: reduced.variable, in: [...reduced.values] };
    return hasExclusion(expression)
      ? { kind: 'condition', condition, caveat: `„ungleich“ wurde als Liste der übrigen Optionen übernommen (${condition.in.join(', ')}); ist „${reduced.variable}“ unbeantwortet, wird die Frage bei uns nicht gestellt.` }
      : { kind: 'condition', condition };
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    return { kind: 'unmapped', reason: error.message };
  }
}

function hasExclusion(expression: ShowIfExpression): boolean {
  if (expression.kind === 'compare') return expression.negated && expression.values.length > 0;
  return expression.kind !== 'always' && expression.parts.some(hasExclusion);
}

function reduce(expression: ShowIfExpression, target: (variable: string) => ConditionTarget | string): Reduced {
  if (expression.kind === 'always') return expression;
  if (expression.kind === 'compare') return compareSet(expression, target);
  const parts = expression.parts.map((part) => reduce(part, target));
  const sets = parts.filter((part): part is Extract<Reduced, { kind: 'set' }> => part.kind === 'set');
  if (expression.kind === 'or' && sets.length < parts.length) return { kind: 'always' };
  if (sets.length === 0) return { kind: 'always' };
  const variables = [...new Set(sets.map((set) => set.variable))];
  if (variables.length > 1) {
    const junction = expression.kind === 'and' ? 'UND' : 'ODER';
    throw new Unsupported(`${junction}-Verknüpfung mehrerer Fragen (${variables.join(', ')}); ein Filter kann nur von einer Frage abhängen`);
  }
  const combined = sets.slice(1).reduce<ReadonlySet<string>>(
    (acc, set) => new Set(expression.kind === 'or' ? [...acc, ...set.values] : [...acc].filter((value) => set.values.has(value))),
    sets[0]!.values,
  );
  return { kind: 'set', variable: variables[0]!, values: combined };
}

function compareSet(expression: Extract<ShowIfExpression, { kind: 'compare' }>, target: (variable: string) => ConditionTarget | string): Reduced {
  const found = target(expression.variable);
  if (typeof found === 'string') throw new Unsupported(found);
  if (found.type !== 'single') throw new Unsupported(`„${expression.variable}“ ist eine Frage vom Typ ${found.type}; Filter sind nur auf Einfachauswahl-Fragen möglich`);
  if (expression.values.length === 0 && !expression.negated) throw new Unsupported(`Bedingung „${expression.variable} ist unbeantwortet“`);
  const chosen = new Set<string>();
  for (const value of expression.values) {
    const id = found.options.get(value);
    if (id === undefined) throw new Unsupported(`„${value}“ ist keine Antwortoption von „${expression.variable}“`);
    chosen.add(id);
  }
  const all = [...new Set(found.options.values())];
  return { kind: 'set', variable: found.id, values: new Set(expression.negated ? all.filter((id) => !chosen.has(id)) : [...chosen]) };
}
