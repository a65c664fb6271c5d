import { describe, expect, it } from 'vitest';
import { detectFormat, detectFormatWithConfidence } from '../../electron/backend/ingest/formats/detect.js';
import { ENTITY_CSV_COLUMNS } from '../../electron/backend/ingest/formats/entity-csv.js';
import { FORMATS } from '../../electron/backend/ingest/formats/registry.js';
import type { FormatModule } from '../../electron/backend/ingest/formats/types.js';
import { FORMAT_IDS } from '../../shared/model/event.js';

const jsonCtx = { fileName: 'x.jsonl', csvHeader: null };

function fake(id: string, confidence: number | (() => number)): FormatModule {
  return {
    id, label: id,
    detect: typeof confidence === 'function' ? confidence : () => confidence,
    normalize: () => ({ ok: false, reason: 'fake' }),
  };
}

describe('detectFormat', () => {
  it('registers only known, unique format ids', () => {
    const ids = FORMATS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(FORMAT_IDS).toContain(id);
  });

  it('falls back to the generic json or csv mapper', () => {
    expect(detectFormat([{ foo: 1 }], jsonCtx).id).toBe('json');
    expect(detectFormat(['just text'], jsonCtx).id).toBe('json');
    expect(detectFormat([{ a: '1' }], { fileName: 'x.csv', csvHeader: ['a'] }).id).toBe('csv');
  });

  it('picks the entity export by its header', () => {
    expect(detectFormat([], { fileName: 'audit.csv', csvHeader: [...ENTITY_CSV_COLUMNS] }).id).toBe('entity-csv');
  });

  it('takes the highest confidence, ties to the earlier module, and survives a throwing detector', () => {
    const boom = fake('boom', () => { throw new Error('bad detector'); });
    const r = detectFormatWithConfidence([{}], jsonCtx, [boom, fake('a', 0.5), fake('b', 0.7), fake('c', 0.7)]);
    expect(r).toMatchObject({ confidence: 0.7 });
    expect(r.format.id).toBe('b');
  });
});
