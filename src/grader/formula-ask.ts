// Checks a formula ask of an exercise file (quantity: expression) like every input file: a valibot
// schema for the shapes of `variables`, `domains`, `constraints`, `definitions` and `misconceptions`,
// then the checks that need the meaning: every domain non-empty, every name a variable, definitions
// without a cycle, and constraints that some point of the domains satisfies. Each problem is one
// InputError `file:line: asks[i].field: expected …` in English and Japanese.
import * as v from 'valibot';
import { parseAnswer, variablesOf } from '../answer';
import { nameTable } from '../answer/names';
import { InputError, fieldPath } from '../network/errors';
import { expected, isMapping, mapping, says, unknownField } from '../network/schema-issues';
import { fail, type Path, type Source } from '../network/source';
import { validate } from '../network/schema-issues';
import { compare, parseLiteral, sub, sum, type Value } from '../number/value';
import type { Text } from '../text/lang';

/** Most variables of one formula ask (the lecture deck's largest has ten). */
export const MAX_FORMULA_VARIABLES = 64;

const NAME_HINT: Text = { en: 'a variable name such as x_1, w_{jk} or δ_k', ja: '変数名（例: x_1, w_{jk}, δ_k）' };
const NUMBER: Text = { en: 'a number such as 0, -3 or "1/10"', ja: '数（例: 0, -3, "1/10"）' };
const FORMULA: Text = { en: 'a formula in the variables, e.g. x_2 - t_2', ja: '変数の式（例: x_2 - t_2）' };

const text = (what: Text) => v.pipe(v.string(says(expected(what))), v.minLength(1, says(expected(what))));

const Interval = v.pipe(
  v.array(
    text(NUMBER),
    says(expected({ en: 'an interval [min, max], e.g. ["-3", "3"]', ja: '区間 [最小, 最大]（例: ["-3", "3"]）' })),
  ),
  v.length(
    2,
    says(
      expected({
        en: 'an interval of two numbers [min, max], e.g. ["-3", "3"]',
        ja: '2つの数の区間 [最小, 最大]（例: ["-3", "3"]）',
      }),
    ),
  ),
);

const ByName = <S extends v.GenericSchema>(item: S, what: Text) =>
  v.pipe(v.custom<Record<string, unknown>>(isMapping, says(expected(what))), v.record(v.string(), item));

const FormulaAskSchema = mapping(
  {
    expression: text(FORMULA),
    of: v.optional(v.string(says(expected({ en: 'what is asked, e.g. ∂L/∂b_2', ja: '求めるもの（例: ∂L/∂b_2）' })))),
    variables: v.pipe(
      v.array(
        text(NAME_HINT),
        says(expected({ en: 'a list of variable names, e.g. [x_1, t_1]', ja: '変数名のリスト（例: [x_1, t_1]）' })),
      ),
      v.minLength(1, says({ en: 'expected at least one variable', ja: '変数が少なくとも1つ必要です' }, { got: false })),
      v.maxLength(
        MAX_FORMULA_VARIABLES,
        says(
          {
            en: `expected at most ${MAX_FORMULA_VARIABLES} variables`,
            ja: `変数は ${MAX_FORMULA_VARIABLES} 個までです`,
          },
          { got: false },
        ),
      ),
    ),
    domains: ByName(Interval, {
      en: 'a mapping from each variable to its interval, e.g. {x_1: ["0", "1"]}',
      ja: '変数から区間へのマッピング（例: {x_1: ["0", "1"]}）',
    }),
    constraints: v.optional(
      v.array(
        mapping(
          {
            sum: v.pipe(
              v.array(
                text(NAME_HINT),
                says(expected({ en: 'a list of variables, e.g. [x_1, x_2]', ja: '変数のリスト（例: [x_1, x_2]）' })),
              ),
              v.minLength(
                2,
                says(
                  { en: 'expected at least two variables in a sum', ja: '和には変数が少なくとも2つ必要です' },
                  { got: false },
                ),
              ),
            ),
            equals: text(NUMBER),
          },
          {
            expected: expected({
              en: 'a constraint like {sum: [x_1, x_2], equals: "1"}',
              ja: '{sum: [x_1, x_2], equals: "1"} のような制約',
            }),
            unknown: unknownField({ en: 'a constraint', ja: '制約' }, 'sum, equals'),
          },
        ),
        says(
          expected({
            en: 'a list of constraints, e.g. [{sum: [x_1, x_2], equals: "1"}]',
            ja: '制約のリスト（例: [{sum: [x_1, x_2], equals: "1"}]）',
          }),
        ),
      ),
    ),
    definitions: v.optional(
      ByName(text(FORMULA), {
        en: 'a mapping from a variable to its formula, e.g. {x_1: "tanh(a_1)"}',
        ja: '変数からその式へのマッピング（例: {x_1: "tanh(a_1)"}）',
      }),
    ),
    misconceptions: v.optional(
      v.array(
        mapping(
          { id: text({ en: 'a misconception id', ja: '誤解の ID' }), expression: text(FORMULA) },
          {
            expected: expected({
              en: 'a misconception like {id: sign-flip, expression: "t_2 - x_2"}',
              ja: '{id: sign-flip, expression: "t_2 - x_2"} のような誤解',
            }),
            unknown: unknownField({ en: 'a misconception', ja: '誤解' }, 'id, expression'),
          },
        ),
        says(expected({ en: 'a list of misconceptions', ja: '誤解のリスト' })),
      ),
    ),
  },
  {
    expected: expected({
      en: 'a formula ask: a mapping with expression, variables and domains',
      ja: '式の問題（expression, variables, domains を持つマッピング）',
    }),
    unknown: { en: 'unknown field', ja: '不明なフィールドです' },
    loose: true,
  },
);

type RawFormulaAsk = v.InferOutput<typeof FormulaAskSchema>;

/** The part of `source` at `prefix`, so that errors name `asks[i].…` and its line. */
function part(source: Source, prefix: Path): Source {
  let data: unknown = source.data;
  for (const key of prefix) data = (data as Record<string | number, unknown>)[key];
  return { file: source.file, data, lineOf: (path) => source.lineOf([...prefix, ...path]) };
}

/** Validates the formula ask at `asks[index]`; throws an InputError for the first problem. */
export function checkFormulaAsk(source: Source, index: number): void {
  const at: Path = ['asks', index];
  let raw: RawFormulaAsk;
  try {
    raw = validate(part(source, at), FormulaAskSchema);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const field = error.field ? `${fieldPath(at)}.${error.field}` : fieldPath(at);
    throw new InputError(error.file, field, error.expectedText, error.line);
  }
  const here = (path: Path, why: Text): never => fail(source, [...at, ...path], why);

  raw.variables.forEach((name, k) => {
    try {
      nameTable({ variables: [name] });
    } catch {
      here(['variables', k], {
        en: `expected ${NAME_HINT.en}, got ${JSON.stringify(name)}`,
        ja: `${NAME_HINT.ja}を指定してください（指定値: ${JSON.stringify(name)}）`,
      });
    }
    if (raw.variables.indexOf(name) !== k)
      here(['variables', k], { en: `"${name}" is listed twice`, ja: `"${name}" が2回書かれています` });
  });
  const variables = new Set(raw.variables);
  const known = raw.variables.join(', ');
  const unknownName = (name: string): Text => ({
    en: `unknown variable "${name}": expected one of ${known}`,
    ja: `不明な変数 "${name}" です: ${known} のいずれかを指定してください`,
  });

  const number = (path: Path, t: string): Value => {
    const value = parseLiteral(t);
    if (!value)
      here(path, {
        en: `expected ${NUMBER.en}, got ${JSON.stringify(t)}`,
        ja: `${NUMBER.ja}を指定してください（指定値: ${JSON.stringify(t)}）`,
      });
    return value!;
  };
  const intervals = new Map<string, readonly [Value, Value]>();
  for (const [name, [lo, hi]] of Object.entries(raw.domains)) {
    if (!variables.has(name)) here(['domains', name], unknownName(name));
    const low = number(['domains', name, 0], lo);
    const high = number(['domains', name, 1], hi);
    if (compare(low, high) >= 0) {
      here(['domains', name], {
        en: `empty domain: the minimum ${lo} must be below the maximum ${hi}`,
        ja: `定義域が空です: 最小値 ${lo} は最大値 ${hi} より小さくなければなりません`,
      });
    }
    intervals.set(name, [low, high]);
  }

  checkFormula(source, [...at, 'expression'], raw.expression, raw.variables);
  raw.misconceptions?.forEach((m, k) =>
    checkFormula(source, [...at, 'misconceptions', k, 'expression'], m.expression, raw.variables),
  );

  const definitions = raw.definitions ?? {};
  const uses = new Map<string, string[]>();
  for (const [name, formula] of Object.entries(definitions)) {
    if (!variables.has(name)) here(['definitions', name], unknownName(name));
    uses.set(name, checkFormula(source, [...at, 'definitions', name], formula, raw.variables));
  }
  const cycle = definitionCycle(uses);
  if (cycle) {
    here(['definitions', cycle[0]], {
      en: `definitions in a cycle: ${cycle.join(' → ')} (a variable cannot be defined through itself)`,
      ja: `定義が循環しています: ${cycle.join(' → ')}（変数を自分自身を使って定義することはできません）`,
    });
  }

  const determined = new Set<string>();
  raw.constraints?.forEach((c, k) => {
    const path: Path = ['constraints', k];
    c.sum.forEach((name, j) => {
      if (!variables.has(name)) here([...path, 'sum', j], unknownName(name));
    });
    const last = c.sum[c.sum.length - 1];
    if (determined.has(last) || definitions[last] !== undefined) {
      here([...path, 'sum', c.sum.length - 1], {
        en: `"${last}" is already determined (by an earlier constraint or a definition): put another variable last`,
        ja: `"${last}" はすでに（前の制約か定義で）決まっています: 最後には別の変数を書いてください`,
      });
    }
    determined.add(last);
    const equals = number([...path, 'equals'], c.equals);
    if (!satisfiable(c.sum, equals, intervals)) {
      here(path, {
        en: `impossible constraint: ${c.sum.join(' + ')} = ${c.equals} has no solution inside the domains`,
        ja: `満たせない制約です: 定義域の中に ${c.sum.join(' + ')} = ${c.equals} となる点がありません`,
      });
    }
  });
}

/** Parses a formula of the ask; an error names the field. Returns the variables it uses. */
function checkFormula(source: Source, path: Path, formula: string, variables: readonly string[]): string[] {
  const parsed = parseAnswer(formula, { variables });
  if (!parsed.ok) {
    const shown = formula.length > 60 ? `${formula.slice(0, 60)}…` : formula;
    fail(source, path, {
      en: `expected ${FORMULA.en} (only the variables ${variables.join(', ')}), got ${JSON.stringify(shown)}: ${parsed.error.message_en}`,
      ja: `${FORMULA.ja}を指定してください（使える変数は ${variables.join(', ')}）（指定値: ${JSON.stringify(shown)}）: ${parsed.error.message_ja}`,
    });
  }
  const answer = parsed.answer;
  return answer.kind === 'expression' ? variablesOf(answer.ast) : [];
}

/** A cycle of definitions (x → y → x), as the names along it, or null. */
function definitionCycle(uses: ReadonlyMap<string, readonly string[]>): string[] | null {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | null => {
    const start = path.indexOf(name);
    if (start >= 0) return [...path.slice(start), name];
    if (done.has(name) || !uses.has(name)) return null;
    for (const next of uses.get(name)!) {
      const found = visit(next, [...path, name]);
      if (found) return found;
    }
    done.add(name);
    return null;
  };
  for (const name of uses.keys()) {
    const found = visit(name, []);
    if (found) return found;
  }
  return null;
}

/**
 * Whether Σ sum = equals has a solution with every variable strictly inside its domain (a variable
 * without one ranges over (−2, 2), as the grader draws it): the open interval of equals − Σ others
 * must meet the last variable's domain.
 */
function satisfiable(
  names: readonly string[],
  equals: Value,
  intervals: ReadonlyMap<string, readonly [Value, Value]>,
): boolean {
  const range = (name: string): readonly [Value, Value] =>
    intervals.get(name) ?? [parseLiteral('-2')!, parseLiteral('2')!];
  const others = names.slice(0, -1).map(range);
  const low = sub(equals, sum(others.map((r) => r[1])));
  const high = sub(equals, sum(others.map((r) => r[0])));
  const [lo, hi] = range(names[names.length - 1]);
  return compare(low, hi) < 0 && compare(high, lo) > 0;
}
