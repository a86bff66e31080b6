// The one command-line parser: node:util parseArgs does the tokenising and its strict checks
// (unknown option, missing value), the command's table (src/cli/commands.ts) gives the types,
// defaults, allowed values and positionals. Every error is a UsageError in English and Japanese.
import { parseArgs } from 'node:util';
import type { CommandSpec, Parsed } from './options';
import { PARSE } from './messages';
import { UsageError } from './usage-error';
import { echo } from '../text/escape';

type ParseArgsOptions = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

const isParseArgsError = (error: unknown): error is Error =>
  String((error as { code?: unknown } | null)?.code).startsWith('ERR_PARSE_ARGS');

/** The positionals of a command as the usage shows them: `FILE`, `[TOPIC]`. */
export function positionalsShown(spec: CommandSpec): string[] {
  return spec.positionals.map((p) => (p.required ? p.name : `[${p.name}]`));
}

/** Parses and validates `args` (what follows the command's name) against the command's table. */
export function parseCommand<const C extends CommandSpec>(spec: C, args: readonly string[]): Parsed<C> {
  const options: ParseArgsOptions = {};
  for (const [name, option] of Object.entries(spec.options)) {
    options[name] = {
      type: option.type === 'boolean' ? 'boolean' : 'string',
      ...(option.short === undefined ? {} : { short: option.short }),
      ...(option.type === 'string' && option.repeatable ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw isParseArgsError(error) ? new UsageError(PARSE.parseArgs(error)) : error;
  }
  const required = spec.positionals.filter((p) => p.required);
  if (parsed.positionals.length < required.length)
    throw new UsageError(PARSE.missing(spec.name, required[parsed.positionals.length].expected));
  if (parsed.positionals.length > spec.positionals.length) {
    throw new UsageError(
      PARSE.unexpected(spec.name, echo(parsed.positionals[spec.positionals.length]), positionalsShown(spec).join(' ')),
    );
  }
  const values: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(spec.options)) {
    const raw = parsed.values[name];
    const flag = `--${name}`;
    switch (option.type) {
      case 'boolean':
        values[name] = raw === true;
        break;
      case 'string':
        values[name] = option.repeatable ? ((raw as string[] | undefined) ?? []) : raw;
        break;
      case 'enum': {
        const value = (raw as string | undefined) ?? option.default;
        if (value !== undefined && !option.values.includes(value))
          throw new UsageError(PARSE.notAllowed(spec.name, flag, option.allowed ?? null, option.values, echo(value)));
        values[name] = value;
        break;
      }
      case 'integer': {
        if (raw === undefined) break;
        const n = Number(raw);
        if (!(option.min >= 0 ? /^\d{1,16}$/ : /^-?\d{1,16}$/).test(raw as string) || n < option.min || n > option.max)
          throw new UsageError(PARSE.notInteger(spec.name, flag, option.min, option.max, echo(raw as string)));
        values[name] = n;
        break;
      }
    }
  }
  return { values, positionals: parsed.positionals } as unknown as Parsed<C>;
}
