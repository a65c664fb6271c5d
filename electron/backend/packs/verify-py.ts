import { PACK_CSV_COLUMNS } from './pack-rows.js';
import { VERIFY_PY_ZIP } from './verify-py-zip.js';

/**
 * verify.py, carried in every pack: a recipient checks the pack with nothing but Python 3 (standard library). It
 * makes the same checks as electron/backend/packs/verify.ts. Kept as text here so the built CLI carries it; the
 * CSV column list is filled in from the writer, so the two can never disagree.
 */
const SOURCE = String.raw`#!/usr/bin/env python3
"""Verify an Auditlens evidence pack with the Python 3 standard library only.

Usage: python3 verify.py [PACK.zip [--sha256 HEX] | BAG_DIRECTORY]   (default: the folder this script is in)

Checks the BagIt bag (RFC 8493): bagit.txt, every SHA-256 in manifest-sha256.txt and tagmanifest-sha256.txt,
Payload-Oxum, no file missing or unlisted; for a zip also its structure (every header against the central
directory, the fixed timestamp, no stray bytes), every deflate stream (it ends exactly where its entry ends) and
every CRC-32; and that data/events.csv holds exactly the rows of data/events.jsonl. With --sha256, also that the zip
is byte for byte the one built (the SHA-256 the pack history and the journal's pack.build entry record). Prints
every problem (file and what is wrong); exit code 0 when all pass, 1 otherwise.
"""
import csv, hashlib, io, json, mmap, os, struct, sys, zipfile, zlib

CSV_COLUMNS = __CSV_COLUMNS__
FORMULA_START = ('=', '+', '-', '@', '\t', '\r')
MAX_REPORTED = 50


class ZipBag:
    def __init__(self, path):
        self.path = path
        self.zf = zipfile.ZipFile(path)
        self.infos = {i.filename: i for i in self.zf.infolist() if not i.is_dir()}

    def names(self):
        return list(self.infos)

    def open(self, name):
        return self.zf.open(self.infos[name])

    def size(self, name):
        return self.infos[name].file_size


class DirBag:
    def __init__(self, root):
        self.root = root
        self.files = []
        for base, _dirs, files in os.walk(root):
            for f in files:
                rel = os.path.relpath(os.path.join(base, f), root).replace(os.sep, '/')
                if rel != '__pycache__' and not rel.startswith('__pycache__/'):
                    self.files.append(rel)

    def names(self):
        return sorted(self.files)

    def open(self, name):
        return open(os.path.join(self.root, *name.split('/')), 'rb')

    def size(self, name):
        return os.path.getsize(os.path.join(self.root, *name.split('/')))


def sha256_of(bag, name):
    h = hashlib.sha256()
    with bag.open(name) as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def read_text(bag, name):
    with bag.open(name) as f:
        return f.read().decode('utf-8')


__ZIP_CHECKS__


def expected_cell(field, value):
    if field == 'provenance' and isinstance(value, dict):
        text = '%s#%s' % (value.get('object'), value.get('recordIndex'))
    elif value is None:
        text = ''
    elif isinstance(value, str):
        text = value
    elif isinstance(value, bool):
        text = 'true' if value else 'false'
    elif isinstance(value, (int, float)):
        text = json.dumps(value)
    else:
        text = json.dumps(value, ensure_ascii=False, separators=(',', ':'))
    return "'" + text if text[:1] in FORMULA_START else text


def same_cell(field, cell, value):
    if cell == expected_cell(field, value):
        return True
    if isinstance(value, (dict, list, int, float)) and field != 'provenance':
        # Python and JavaScript spell some numbers differently (1e-07 / 1e-7): compare JSON values, not text.
        text = cell[1:] if cell[:2] in ("'" + c for c in FORMULA_START) else cell
        try:
            return json.loads(text) == value
        except ValueError:
            return False
    return False


def short(value):
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return json.dumps(text[:80] + ('...' if len(text) > 80 else ''), ensure_ascii=False)


def check_csv_matches_jsonl(bag, problems):
    mismatches = 0
    with bag.open('data/events.csv') as raw_csv, bag.open('data/events.jsonl') as raw_jsonl:
        head = raw_csv.read(3)
        if head != b'\xef\xbb\xbf':
            problems.append('data/events.csv does not start with a UTF-8 byte-order mark')
        rows = csv.reader(io.TextIOWrapper(raw_csv, encoding='utf-8', newline=''))
        lines = io.TextIOWrapper(raw_jsonl, encoding='utf-8', newline='\n')
        header = next(rows, None)
        if header != CSV_COLUMNS:
            problems.append('data/events.csv header is %s, expected %s' % (header, CSV_COLUMNS))
            return 0
        n = 0
        for n, line in enumerate(lines, 1):
            row = next(rows, None)
            if row is None:
                problems.append('data/events.csv has %d rows but data/events.jsonl has more lines' % (n - 1))
                return n
            try:
                obj = json.loads(line)
            except ValueError as err:
                problems.append('data/events.jsonl line %d is not valid JSON (%s)' % (n, err))
                continue
            if not isinstance(obj, dict) or list(obj) != CSV_COLUMNS:
                problems.append('data/events.jsonl line %d does not have the pack\'s fields in order' % n)
                continue
            if len(row) != len(CSV_COLUMNS):
                problems.append('data/events.csv row %d has %d cells, expected %d' % (n, len(row), len(CSV_COLUMNS)))
                continue
            for field, cell in zip(CSV_COLUMNS, row):
                if not same_cell(field, cell, obj[field]):
                    mismatches += 1
                    if mismatches <= MAX_REPORTED:
                        problems.append('data/events.csv row %d (event %s) column %s is %s but data/events.jsonl has %s'
                                        % (n, obj.get('id'), field, short(cell), short(obj[field])))
        extra = sum(1 for _ in rows)
        if extra:
            problems.append('data/events.csv has %d rows more than data/events.jsonl (%d lines)' % (extra, n))
    if mismatches > MAX_REPORTED:
        problems.append('... and %d more CSV/JSONL differences' % (mismatches - MAX_REPORTED))
    return n


def check_journal(text, problems):
    """The case journal's hash chain: hash = sha256(prevHash, seq, at, actor, action, details joined by newlines)."""
    prev = '0' * 64
    for i, line in enumerate([l for l in text.split('\n') if l], 1):
        try:
            e = json.loads(line)
        except ValueError:
            problems.append('data/journal.jsonl line %d is not valid JSON' % i)
            continue
        parts = [e.get('prevHash'), e.get('seq'), e.get('at'), e.get('actor'), e.get('action'), e.get('details')]
        expected = hashlib.sha256('\n'.join(str(p) for p in parts).encode('utf-8')).hexdigest()
        if e.get('seq') != i:
            problems.append('data/journal.jsonl line %d: entry %s is out of sequence (expected %d)' % (i, e.get('seq'), i))
        elif e.get('prevHash') != prev:
            problems.append('data/journal.jsonl entry %d does not link to entry %d' % (i, i - 1))
        elif e.get('hash') != expected:
            problems.append('data/journal.jsonl entry %d was modified (hash mismatch)' % i)
        prev = str(e.get('hash'))


def verify(target, expected_sha256=None):
    problems = []
    bag = ZipBag(target) if os.path.isfile(target) else DirBag(target)
    names = set(bag.names())
    for required in ('bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'):
        if required not in names:
            problems.append('%s is missing' % required)
    if problems:
        return problems, 0
    if read_text(bag, 'bagit.txt') != 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n':
        problems.append('bagit.txt does not declare BagIt-Version 1.0 and UTF-8')
    for manifest, scope in (('manifest-sha256.txt', 'payload'), ('tagmanifest-sha256.txt', 'tag')):
        listed = {}
        for i, line in enumerate(read_text(bag, manifest).split('\n'), 1):
            if not line:
                continue
            parts = line.split(None, 1)
            if len(parts) != 2 or len(parts[0]) != 64:
                problems.append('%s line %d is not "<sha256> <path>"' % (manifest, i))
                continue
            listed[parts[1]] = parts[0]
        for path, digest in listed.items():
            if path not in names:
                problems.append('%s lists %s, which is not in the pack' % (manifest, path))
            elif sha256_of(bag, path) != digest:
                problems.append('%s: SHA-256 does not match %s' % (path, manifest))
        if scope == 'payload':
            expected = sorted(n for n in names if n.startswith('data/'))
        else:
            expected = sorted(n for n in names if not n.startswith('data/') and n != 'tagmanifest-sha256.txt')
        for path in expected:
            if path not in listed:
                problems.append('%s is in the pack but not listed in %s' % (path, manifest))
    info = {}
    for line in read_text(bag, 'bag-info.txt').splitlines():
        if ':' in line:
            key, value = line.split(':', 1)
            info[key.strip()] = value.strip()
    payload = [n for n in names if n.startswith('data/')]
    oxum = '%d.%d' % (sum(bag.size(n) for n in payload), len(payload))
    if info.get('Payload-Oxum') != oxum:
        problems.append('bag-info.txt: Payload-Oxum is %s but the payload is %s (octets.files)' % (info.get('Payload-Oxum'), oxum))
    events = 0
    if 'data/events.csv' in names and 'data/events.jsonl' in names:
        events = check_csv_matches_jsonl(bag, problems)
    if 'data/completeness.json' in names:
        stated = json.loads(read_text(bag, 'data/completeness.json')).get('events', {}).get('inPack')
        if stated != events:
            problems.append('data/completeness.json says %s events are in the pack; data/events.jsonl has %d' % (stated, events))
    if 'data/journal.jsonl' in names:
        check_journal(read_text(bag, 'data/journal.jsonl'), problems)
    if isinstance(bag, ZipBag):
        try:
            generated_at = json.loads(read_text(bag, 'data/query.json'))['generatedAt']
            dos_time(generated_at)
        except (KeyError, ValueError, TypeError) as err:
            generated_at = None
            problems.append('data/query.json: cannot read generatedAt (%s), so the zip timestamps cannot be checked' % err)
        check_zip_structure(target, generated_at, problems)
        if expected_sha256:
            problems.extend(check_recorded_sha256(sha256_file(target), expected_sha256, not problems))
    elif expected_sha256:
        problems.append('--sha256 applies to a pack zip, not to an extracted folder')
    return problems, events


def check_recorded_sha256(actual, recorded, content_intact):
    """The zip against the SHA-256 recorded when it was built (pack history, journal pack.build). A zip cannot list
    the SHA-256 of the file it is, and deflate can encode the same content in other bytes (padding bits after the
    last block, a back-reference to an identical earlier copy), which no in-pack hash sees: only this comparison
    proves that the file is the one built."""
    if actual == recorded.lower():
        return []
    why = ' (every entry inflates to the content the manifests list: only the compressed bytes differ)' if content_intact else ''
    return ['zip: SHA-256 is %s, not %s as recorded when the pack was built%s' % (actual, recorded.lower(), why)]


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            h.update(chunk)
    return h.hexdigest()


def main(argv):
    args = argv[1:]
    expected_sha256 = None
    if '--sha256' in args:
        at = args.index('--sha256')
        expected_sha256 = args[at + 1] if at + 1 < len(args) else ''
        del args[at:at + 2]
        if len(expected_sha256) != 64 or any(c not in '0123456789abcdefABCDEF' for c in expected_sha256):
            print('--sha256 needs the 64 hex digits of the SHA-256 recorded when the pack was built')
            return 2
    target = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    try:
        problems, events = verify(target, expected_sha256)
    except (OSError, zipfile.BadZipFile, UnicodeDecodeError, csv.Error, struct.error) as err:
        problems, events = ['%s: cannot be read (%s)' % (target, err)], 0
        if os.path.isfile(target):
            # zipfile gave up: name the header field or record that differs from what the writer writes.
            try:
                check_zip_structure(target, None, problems)
            except (OSError, ValueError, struct.error):
                pass
    if problems:
        print('FAILED: %s' % target)
        for p in problems:
            print('  - ' + p)
        return 1
    same = '; the zip is byte for byte the one recorded' if expected_sha256 else ''
    print('OK: %s (%d events; every hash, Payload-Oxum and the CSV/JSONL agreement check out%s)' % (target, events, same))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
`;

export const VERIFY_PY = SOURCE.replace('__CSV_COLUMNS__', JSON.stringify(PACK_CSV_COLUMNS)).replace('__ZIP_CHECKS__', VERIFY_PY_ZIP.trim());
