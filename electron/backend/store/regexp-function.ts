import v8 from 'node:v8';
import { foldRegexCase } from '../../../shared/query/regex.js';
import { QuerySyntaxError } from '../../../shared/query/syntax-error.js';
import type { Db } from './open.js';

/**
 * The SQL `regexp(pattern, value [, fold])` function behind `field:/pattern/` (and SQLite's `value REGEXP pattern`).
 * Patterns run on V8's linear-time engine (flag `l`): matching costs O(pattern x value) whatever the pattern, so a
 * query can never hang on catastrophic backtracking. shared/query/regex.ts bounds the pattern's length and rejects
 * backreferences and lookarounds before a pattern gets here. With `fold` = 1 the pattern is case-folded once and
 * values are lower-cased per row (the linear engine has no `i` flag).
 */

// The engine ships with Node's V8 behind a flag; the backend process (CLI, web host, Electron utility process)
// enables it before compiling any pattern.
v8.setFlagsFromString('--enable-experimental-regexp-engine');

const MAX_CACHED = 64;
const compiled = new Map<string, RegExp>();

/** Compiles (once) and caches a pattern; throws QuerySyntaxError at `column` when it cannot run in linear time. */
export function linearRegExp(pattern: string, fold: boolean, column = 1): RegExp {
  const key = `${fold ? 'i' : 's'}:${pattern}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  let re: RegExp;
  try {
    re = new RegExp(fold ? foldRegexCase(pattern) : pattern, 'l');
  } catch (err) {
    const reason = (err as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '');
    throw new QuerySyntaxError(
      `regular expression rejected: ${reason}`,
      column,
      pattern.length + 2,
      'use simpler repetition (e.g. a{1,50} instead of a{1,1000})',
    );
  }
  if (compiled.size >= MAX_CACHED) compiled.clear();
  compiled.set(key, re);
  return re;
}

export function registerRegexpFunction(db: Db): void {
  db.function('regexp', { deterministic: true, varargs: true }, (...args: unknown[]) => {
    const [pattern, value, fold] = args;
    if (value === null || value === undefined || typeof pattern !== 'string') return null;
    const text = String(value);
    return linearRegExp(pattern, fold === 1).test(fold === 1 ? text.toLowerCase() : text) ? 1 : 0;
  });
}
