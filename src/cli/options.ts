// The shape of the command table (src/cli/commands.ts): what a command takes, typed, so that one
// parser (src/cli/parse.ts) and the usage text (src/cli/usage.ts) are both built from it.
import type { Text } from '../text/lang';

interface Described {
  /** A one-letter alias (`-f` for `--format`). */
  readonly short?: string;
  /** One or more lines ('\n' breaks them), as printed under the option in the usage. */
  readonly description: Text;
}

/** `--output OUT`; repeatable: `--answer a1=… --answer a2=…`, every value in order. */
export interface StringOption extends Described {
  readonly type: 'string';
  /** The value's placeholder in the usage (OUT, NAME, ASK=ANSWER). */
  readonly value: string;
  readonly repeatable?: boolean;
}

/** A flag without a value: `--list`. */
export interface BooleanOption extends Described {
  readonly type: 'boolean';
}

/** One of a fixed list of values: `--format text|json`. */
export interface EnumOption extends Described {
  readonly type: 'enum';
  readonly values: readonly string[];
  readonly default?: string;
  /** How a bad value's message names the allowed values, when not "one of A, B, C". */
  readonly allowed?: Text;
}

/** A whole number in [min, max]: `--seed S`. */
export interface IntegerOption extends Described {
  readonly type: 'integer';
  readonly value: string;
  readonly min: number;
  readonly max: number;
}

export type OptionSpec = StringOption | BooleanOption | EnumOption | IntegerOption;

export interface PositionalSpec {
  readonly name: string;
  readonly required: boolean;
  /** What is missing, for "expected …" (e.g. "a network FILE"). */
  readonly expected: Text;
  readonly description: Text;
}

/** An option in a synopsis line, optionally with only some of its values (`--format text|json`). */
export type Use = string | { readonly option: string; readonly values: readonly string[] };

/** One way to call a command: a synopsis line of the usage and what it does. */
export interface Form {
  /** The positionals as shown (default: from the command's positionals, `[TOPIC]` when optional). */
  readonly args?: readonly string[];
  readonly required?: readonly Use[];
  readonly optional?: readonly Use[];
  readonly description: Text;
}

export interface CommandSpec {
  readonly name: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: { readonly [name: string]: OptionSpec };
  readonly forms: readonly Form[];
}

/** The parsed value of one option: a default makes it always present; a repeatable one is a list. */
export type OptionValue<O> = O extends { readonly type: 'boolean' }
  ? boolean
  : O extends { readonly type: 'integer' }
    ? number | undefined
    : O extends { readonly type: 'enum'; readonly values: readonly (infer V)[]; readonly default: string }
      ? V
      : O extends { readonly type: 'enum'; readonly values: readonly (infer V)[] }
        ? V | undefined
        : O extends { readonly repeatable: true }
          ? readonly string[]
          : string | undefined;

export interface Parsed<C extends CommandSpec> {
  readonly values: { readonly [K in keyof C['options']]: OptionValue<C['options'][K]> };
  readonly positionals: readonly string[];
}
