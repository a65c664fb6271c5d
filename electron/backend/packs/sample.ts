import { createHash } from 'node:crypto';
import { seededRandom } from '../demo/random.js';

/**
 * Deterministic sampling: `n` of a population's `size` events, chosen by position in the pack's order (time, then
 * rowid). Each population draws from its own PRNG stream, seeded from the recorded seed and the population's
 * name, so adding a population never changes another one's sample. Robert Floyd's algorithm: exactly n distinct
 * positions, uniformly, in O(n) memory.
 */
export function samplePositions(size: number, n: number, seed: number, population: string): Set<number> {
  if (n >= size) return new Set(Array.from({ length: size }, (_, i) => i));
  const mixed = createHash('sha256').update(`${seed}:${population}`).digest().readUInt32BE(0);
  const rand = seededRandom(mixed);
  const chosen = new Set<number>();
  for (let j = size - n; j < size; j++) {
    const t = Math.floor(rand() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return chosen;
}
