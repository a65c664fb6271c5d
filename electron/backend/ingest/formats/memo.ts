/**
 * Memoizes a pure function of one string. Audit logs repeat the same few hundred action names and IP addresses
 * millions of times, so parsing each once saves seconds per million events. The cache is dropped whole when it
 * reaches `max` entries, so hostile input (every value distinct) costs memory no more than `max` entries.
 */
export function memoByString<T>(fn: (key: string) => T, max = 50_000): (key: string) => T {
  let cache = new Map<string, T>();
  return (key: string): T => {
    let value = cache.get(key);
    if (value === undefined && !cache.has(key)) {
      value = fn(key);
      if (cache.size >= max) cache = new Map();
      cache.set(key, value);
    }
    return value as T;
  };
}
