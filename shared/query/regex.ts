import { QuerySyntaxError } from './syntax-error.js';

/**
 * Bounds of `field:/pattern/`. A regular expression runs once per candidate row, so an unbounded one could stall
 * the case for minutes (catastrophic backtracking). Three bounds make it safe:
 * - the pattern is at most MAX_REGEX_LENGTH characters;
 * - backreferences and lookarounds are rejected here (they are what forces a backtracking engine);
 * - the backend compiles the pattern once per query with V8's linear-time engine (the `l` flag), which refuses
 *   anything it cannot run in time linear in the input (for example a repetition bound above its limit).
 * Matching is case-insensitive by folding both the pattern's literal characters and the value to lower case (the
 * linear engine has no `i` flag); identifiers (`id`, `vendorId`) are matched as written.
 */

export const MAX_REGEX_LENGTH = 256;

const UNSUPPORTED: [RegExp, string][] = [
  [/\\[1-9]|\\k</, 'backreferences'],
  [/\(\?<?[=!]/, 'lookahead and lookbehind'],
];

/** Checks a pattern the user wrote; throws a QuerySyntaxError pointing into it. `column` is where it starts. */
export function checkRegex(pattern: string, column: number): void {
  if (pattern.length > MAX_REGEX_LENGTH) {
    throw new QuerySyntaxError(
      `regular expression is ${pattern.length} characters long (at most ${MAX_REGEX_LENGTH})`,
      column,
      pattern.length + 2,
    );
  }
  for (const [re, what] of UNSUPPORTED) {
    const m = re.exec(stripEscapedBackslashes(pattern));
    if (m) {
      throw new QuerySyntaxError(
        `${what} are not supported in regular expressions (they can take exponential time)`,
        column + 1 + m.index,
        m[0].length,
      );
    }
  }
  try {
    new RegExp(pattern);
  } catch (err) {
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
    throw new QuerySyntaxError(`invalid regular expression: ${reason}`, column, pattern.length + 2);
  }
}

/** Replaces `\\` pairs with two harmless characters so `\\1` (a backslash, then 1) is not read as a backreference. */
function stripEscapedBackslashes(pattern: string): string {
  return pattern.replace(/\\\\/g, '__');
}

/**
 * Lower-cases the literal characters of a pattern, leaving escapes as written (`\D`, `\p{Lu}`, `\u00C9` keep their
 * meaning). Matching the folded pattern against the lower-cased value is a case-insensitive match.
 */
export function foldRegexCase(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch !== '\\') {
      out += ch.toLowerCase();
      continue;
    }
    const next = pattern[i + 1] ?? '';
    let end = i + 2;
    if ((next === 'p' || next === 'P' || next === 'u') && pattern[end] === '{') {
      const close = pattern.indexOf('}', end);
      end = close < 0 ? pattern.length : close + 1;
    } else if (next === 'u') {
      end = i + 6;
    } else if (next === 'x') {
      end = i + 4;
    } else if (next === 'c') {
      end = i + 3;
    }
    out += pattern.slice(i, end);
    i = end - 1;
  }
  return out;
}
