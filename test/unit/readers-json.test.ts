import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { RecordSink } from '../../electron/backend/ingest/readers/json-records.js';
import { JsonScanner } from '../../electron/backend/ingest/readers/json-scanner.js';
import type { ReadRecord, ReadReject } from '../../electron/backend/ingest/readers/types.js';
import { collect, jsonl, records, rejects, tempDir } from './readers-helpers.js';

const tmp = tempDir();

async function read(text: string, name = 'x.json') {
  return collect(tmp.file(name, text));
}

/** Scans text fed in chunks of `size` bytes, for chunk-boundary checks without touching the disk. */
function scan(text: string | Buffer, size = Infinity) {
  const out: (ReadRecord | ReadReject)[] = [];
  const scanner = new JsonScanner(new RecordSink(out));
  const buf = Buffer.from(text);
  for (let i = 0; i < buf.length; i += size) scanner.push(Buffer.from(buf.subarray(i, i + size)));
  scanner.finish();
  return out.map((o) => (o.kind === 'record' ? ['R', o.line, o.byteOffset, o.text] : ['X', o.line, o.byteOffset, o.reason]));
}

describe('JSON shapes', () => {
  it('reads JSON Lines with exact text, 1-based lines and byte offsets, skipping blank lines and CRLF', async () => {
    const text = '{"a":1}\n\n{"b":"x\\"y}"}\r\n  {"c":[1,{"d":"é"}]}\n';
    const items = await read(text, 'a.jsonl');
    expect(items[0]).toEqual({ kind: 'object', name: tmp.path('a.jsonl'), csvHeader: null });
    const recs = records(items);
    expect(recs.map((r) => [r.line, r.byteOffset, r.text, r.recordIndex])).toEqual([
      [1, 0, '{"a":1}', 0],
      [3, 9, '{"b":"x\\"y}"}', 1],
      [4, 26, '{"c":[1,{"d":"é"}]}', 2],
    ]);
    expect(recs[1].value).toEqual({ b: 'x"y}' });
    const bytes = Buffer.from(text);
    for (const r of recs) expect(bytes.subarray(r.byteOffset!, r.byteOffset! + Buffer.byteLength(r.text)).toString()).toBe(r.text);
  });

  it('splits a top-level array, pretty-printed or compact', async () => {
    const pretty = records(await read('[\n  {\n    "a": 1\n  },\n  {"b": 2}\n]\n'));
    expect(pretty.map((r) => [r.line, r.value])).toEqual([[2, { a: 1 }], [5, { b: 2 }]]);
    expect(pretty[0].text).toBe('{\n    "a": 1\n  }');
    expect(records(await read('[{"a":1},{"b":2},{"c":3}]')).map((r) => r.byteOffset)).toEqual([1, 9, 17]);
  });

  it.each(['Records', 'records', 'value', 'items'])('splits a {"%s": [...]} envelope and ignores its other keys', async (key) => {
    const text = `{"${key}": [{"a":1},\n{"b":{"c":[2]}}], "nextLink": "x", "meta": {"d": [3]}}`;
    const items = await read(text);
    expect(records(items).map((r) => [r.line, r.value])).toEqual([[1, { a: 1 }], [2, { b: { c: [2] } }]]);
    expect(rejects(items)).toEqual([]);
  });

  it('splits a Graph page whose value array is not the first key', async () => {
    const text = '{"@odata.context":"https://graph/$metadata#auditLogs","value":[\n{"id":"1"},\n{"id":"2"}],"@odata.nextLink":"n"}';
    const recs = records(await read(text));
    expect(recs.map((r) => [r.line, r.text])).toEqual([[2, '{"id":"1"}'], [3, '{"id":"2"}']]);
    expect(recs[0].byteOffset).toBe(text.indexOf('{"id":"1"}'));
  });

  it('splits a Kubernetes EventList and concatenated CloudTrail files', async () => {
    const list = '{"kind":"EventList","apiVersion":"audit.k8s.io/v1","metadata":{},"items":[{"auditID":"a"},{"auditID":"b"}]}';
    expect(records(await read(list)).map((r) => r.value)).toEqual([{ auditID: 'a' }, { auditID: 'b' }]);
    const two = '{"Records":[{"a":1}]}\n{"Records":[{"b":2},{"c":3}]}\n';
    const items = await read(two);
    expect(records(items).map((r) => [r.line, r.value])).toEqual([[1, { a: 1 }], [2, { b: 2 }], [2, { c: 3 }]]);
    expect(rejects(items)).toEqual([]);
  });

  it('keeps an ordinary record that merely has an items array', async () => {
    const recs = records(await read('{"eventTime":"2023-01-01T00:00:00Z","items":[{"x":1}]}'));
    expect(recs).toHaveLength(1);
    expect(recs[0].value).toHaveProperty('eventTime');
  });

  it('reads a single object and concatenated pretty-printed objects', async () => {
    expect(records(await read('{\n "kind": 0\n}\n')).map((r) => r.value)).toEqual([{ kind: 0 }]);
    const recs = records(await read('{\n  "a": 1\n}\n{\n  "b": {"c": 2}\n}{"d":3}'));
    expect(recs.map((r) => [r.line, r.value])).toEqual([[1, { a: 1 }], [4, { b: { c: 2 } }], [6, { d: 3 }]]);
  });

  it('gives every shape the same result whatever the chunk boundaries', () => {
    const shapes = [
      jsonl(20),
      '{"Records": [{"a":"\\\\"},{"b":"\\"\\\\\\""}]}',
      '{\n  "records": [\n    {\n      "a": 1\n    },\n    {"b": 2}\n  ]\n}\n',
      '{"a":1}\n{"b":2,,}\n{"c":3\n{"d":"x\n{"e":5}\n42\n',
      '[1, "s", {"ok": true}, null]',
      '{\n  "a": 1,\n  "b": {\n}\n{\n  "c": 3\n}\n',
      '{"@odata.context":"c","value":[{"a":1}]}',
      '{"Records":[{"a":1}]}\n{"Records":[{"b":2}], "x": "]}"}\n',
    ];
    for (const text of shapes) {
      const whole = scan(text);
      for (const size of [1, 2, 3, 7, 64]) expect(scan(text, size)).toEqual(whole);
    }
  });
});

describe('JSON bad input', () => {
  it('rejects a malformed line with line, offset and the JSON.parse reason and imports every other line', async () => {
    const lines = jsonl(5).split('\n');
    lines.splice(2, 0, '{"i": 99, "broken": tru}');
    const text = lines.join('\n');
    const items = await read(text, 'bad.jsonl');
    expect(records(items).map((r) => (r.value as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
    const [bad] = rejects(items);
    expect(bad.line).toBe(3);
    expect(bad.byteOffset).toBe(text.indexOf('{"i": 99'));
    expect(bad.reason).toMatch(/^invalid JSON in the record at line 3 \(byte \d+\): .*JSON/);
    expect(bad.excerpt).toBe('{"i": 99, "broken": tru}');
  });

  it('resynchronises after a JSON Lines line with unbalanced braces or an unterminated string', async () => {
    const text = '{"a":1}\n{"b":{"c":2}\n{"d":3}\n{"e":"open\n{"f":4}\n';
    const items = await read(text, 'x.jsonl');
    expect(records(items).map((r) => r.value)).toEqual([{ a: 1 }, { d: 3 }, { f: 4 }]);
    expect(rejects(items).map((r) => r.line)).toEqual([2, 4]);
  });

  it('resumes at the next record of a pretty-printed stream after an unclosed object', async () => {
    const items = await read('{\n  "a": {\n    "b": 1\n}\n{\n  "c": 2\n}\n');
    expect(records(items).map((r) => r.value)).toEqual([{ c: 2 }]);
    expect(rejects(items)[0].reason).toMatch(/starting at line 1 .*resumed at line 5/);
  });

  it('reports a file cut inside a record after the complete records (CloudTrail envelope like the real sample)', async () => {
    const text = '{"Records": [{\n    "eventVersion": "1.08",\n    "a": 1\n}, {\n    "eventVersion": "1.08",\n    "userIdentity": {\n';
    const items = await read(text);
    expect(records(items).map((r) => r.value)).toEqual([{ eventVersion: '1.08', a: 1 }]);
    expect(rejects(items).map((r) => [r.line, r.reason])).toEqual([
      [4, 'truncated: end of file inside a record starting at line 4'],
    ]);
  });

  it('reports an array that never closes', async () => {
    const items = await read('[{"a":1},{"b":2}');
    expect(records(items)).toHaveLength(2);
    expect(rejects(items)[0].reason).toMatch(/^truncated: end of file before the closing \] of the array/);
  });

  it('rejects top-level scalars and non-object array elements', async () => {
    const items = await read('42\n{"a":1}\n"text"\n');
    expect(records(items).map((r) => r.line)).toEqual([2]);
    expect(rejects(items).map((r) => r.reason)).toEqual([
      'line 1 holds a JSON number, not an object record',
      'line 3 holds a JSON string, not an object record',
    ]);
    const arr = await read('[1, {"a":1}, null, [2]]');
    expect(records(arr)).toHaveLength(1);
    expect(rejects(arr).map((r) => r.reason.replace(/.* holds a JSON (\w+).*/, '$1'))).toEqual(['number', 'null', 'array']);
  });

  it('rejects text that is not JSON between records', async () => {
    const items = await read('{"a":1}\n# comment\nnot json either\n{"b":2}\n');
    expect(records(items).map((r) => r.value)).toEqual([{ a: 1 }, { b: 2 }]);
    expect(rejects(items).map((r) => r.reason)).toEqual([
      'unexpected text outside a JSON record at line 2; skipped 1 following line, resumed at line 4',
    ]);
  });

  it('rejects nesting deeper than the limit and keeps reading', async () => {
    const deep = '{"a":' + '['.repeat(300) + ']'.repeat(300) + '}';
    const items = await read(`${deep}\n{"ok":1}\n`, 'deep.jsonl');
    expect(rejects(items)[0].reason).toBe('record at line 1 is nested deeper than 256 levels');
    expect(records(items).map((r) => r.value)).toEqual([{ ok: 1 }]);
  });

  it('rejects a 50 MB single line without buffering it and imports the next line', async () => {
    const path = tmp.path('huge.jsonl');
    const out = createWriteStream(path);
    out.write('{"blob":"');
    const block = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 50; i++) if (!out.write(block)) await once(out, 'drain');
    out.end('"}\n{"after":true}\n');
    await once(out, 'finish');
    const items = await collect(path);
    expect(rejects(items).map((r) => [r.line, r.reason])).toEqual([[1, 'record at line 1 is larger than 16 MB']]);
    expect(rejects(items)[0].excerpt.startsWith('{"blob":"xxx')).toBe(true);
    expect(records(items).map((r) => [r.line, r.value])).toEqual([[2, { after: true }]]);
  });

  it('never holds more than the record limit plus one chunk of an oversized record', () => {
    const out: (ReadRecord | ReadReject)[] = [];
    const scanner = new JsonScanner(new RecordSink(out));
    const chunk = Buffer.alloc(1024 * 1024, 0x78);
    let peak = 0;
    scanner.push(Buffer.from('{"blob":"'));
    for (let i = 0; i < 50; i++) {
      scanner.push(chunk);
      peak = Math.max(peak, scanner.bufferedBytes);
    }
    scanner.push(Buffer.from('"}\n{"after":true}\n'));
    scanner.finish();
    expect(peak).toBeLessThanOrEqual(17 * 1024 * 1024 + 9);
    expect(scanner.bufferedBytes).toBe(0);
    expect(out.map((o) => o.kind)).toEqual(['reject', 'record']);
  });
});
