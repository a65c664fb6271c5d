import { csvFormat, jsonFormat } from './generic.js';
import { FORMATS } from './registry.js';
import type { DetectContext, FormatModule } from './types.js';

/** How many leading records of an object the pipeline should pass to detectFormat. */
export const DETECT_SAMPLE_SIZE = 20;

export interface Detection {
  format: FormatModule;
  confidence: number;
}

/**
 * Picks the module with the highest confidence for the sampled records (ties go to the earlier module in FORMATS).
 * A module that throws on odd input is treated as answering 0: one buggy detector must not stop an import.
 */
export function detectFormatWithConfidence(
  sample: readonly unknown[],
  ctx: DetectContext,
  formats: readonly FormatModule[] = FORMATS,
): Detection {
  let best: Detection | null = null;
  for (const format of formats) {
    let confidence = 0;
    try {
      confidence = format.detect(sample, ctx);
    } catch {
      confidence = 0;
    }
    if (!Number.isFinite(confidence) || confidence <= 0) continue;
    if (!best || confidence > best.confidence) best = { format, confidence };
  }
  return best ?? { format: ctx.csvHeader ? csvFormat : jsonFormat, confidence: 0 };
}

export function detectFormat(sample: readonly unknown[], ctx: DetectContext): FormatModule {
  return detectFormatWithConfidence(sample.slice(0, DETECT_SAMPLE_SIZE), ctx).format;
}
