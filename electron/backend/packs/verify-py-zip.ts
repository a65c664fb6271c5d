/**
 * The zip half of verify.py (inserted into the script by verify-py.ts): the same byte-for-byte structure check as
 * zip-inspect.ts, and every entry inflated straight from its compressed bytes (zip-inspect.ts + verify-entry.ts).
 *
 * Why verify.py inflates the raw bytes itself instead of trusting zipfile: zipfile stops reading an entry once it
 * has produced the recorded size, so it never looks at the end of the deflate stream. A flipped final-block bit or
 * a damaged end-of-block code passed both the CRC and every SHA-256 (found by flipping every bit of a built pack).
 * Requiring the stream to end exactly where the entry's compressed data ends closes that, as Node's inflate does.
 */
export const VERIFY_PY_ZIP = String.raw`
def dos_time(iso):
    year, month, day = int(iso[0:4]), int(iso[5:7]), int(iso[8:10])
    hour, minute, second = int(iso[11:13]), int(iso[14:16]), int(iso[17:19])
    year = min(max(year, 1980), 2107)
    return ((year - 1980) << 9) | (month << 5) | day, (hour << 11) | (minute << 5) | (second // 2)


def end_records(count, cd_offset, cd_size):
    """The end records exactly as the pack writer writes them (ZIP64 ones only where a value does not fit)."""
    out = b''
    if count >= 0xFFFF or cd_offset >= 0xFFFFFFFF or cd_size >= 0xFFFFFFFF:
        out += struct.pack('<IQHHIIQQQQ', 0x06064b50, 44, 0x032D, 45, 0, 0, count, count, cd_size, cd_offset)
        out += struct.pack('<IIQI', 0x07064b50, 0, cd_offset + cd_size, 1)
    short_count = min(count, 0xFFFF)
    return out + struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, short_count, short_count, min(cd_size, 0xFFFFFFFF),
                             min(cd_offset, 0xFFFFFFFF), 0)


def check_deflate(data, start, csize, size, crc, label, problems):
    """Inflates one entry's compressed bytes: a damaged stream, a stream that does not end exactly at the end of
    the entry's data, and a CRC-32 or size other than the zip records are each a problem."""
    if start + csize > len(data):
        # A damaged size, offset or name length: reading past the end returns nothing, and would never finish.
        problems.append('zip entry %s: the compressed data runs past the end of the file' % label)
        return
    d = zlib.decompressobj(-15)
    got, value, at, end = 0, 0, start, start + csize
    try:
        while at < end and not d.eof:
            chunk = data[at:min(at + (1 << 20), end)]
            at += len(chunk)
            while chunk and not d.eof:
                out = d.decompress(chunk, 1 << 22)
                got, value = got + len(out), zlib.crc32(out, value)
                chunk = d.unconsumed_tail
        out = d.flush()
        got, value = got + len(out), zlib.crc32(out, value)
    except zlib.error as err:
        problems.append('zip entry %s: the compressed data is damaged (%s)' % (label, err))
        return
    left = len(d.unused_data) + (end - at)
    if not d.eof:
        problems.append('zip entry %s: the compressed data is damaged (the deflate stream does not end)' % label)
    elif left:
        problems.append('zip entry %s: the compressed data is damaged (%d bytes after the end of the deflate stream)' % (label, left))
    elif value != crc:
        problems.append('zip entry %s: CRC-32 does not match (the content was changed)' % label)
    elif got != size:
        problems.append('zip entry %s: inflates to %d bytes, the zip says %d' % (label, got, size))


def check_zip_structure(path, generated_at, problems):
    """Every byte of the zip is accounted for: headers equal what the central directory says, entries are contiguous,
    one fixed timestamp, every deflate stream ends exactly where its entry ends, and the end records are exactly what
    the writer writes, with nothing before the first entry or after the end record."""
    with open(path, 'rb') as f:
        data = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        try:
            check_zip_bytes(data, generated_at, problems)
        finally:
            data.close()


def check_zip_bytes(data, generated_at, problems):
    eocd = len(data) - 22
    if eocd < 0 or data[eocd:eocd + 4] != b'PK\x05\x06':
        problems.append('zip: the end-of-central-directory record is not at the end of the file (bytes added or changed)')
        return
    count, cd_size, cd_offset, comment = struct.unpack('<HII H', data[eocd + 10:eocd + 22])
    cd_end = eocd
    if data[eocd - 20:eocd - 16] == b'PK\x06\x07':
        z64 = struct.unpack('<Q', data[eocd - 12:eocd - 4])[0]
        count, cd_size, cd_offset = struct.unpack('<QQQ', data[z64 + 32:z64 + 56])
        cd_end = z64
        if z64 + 56 != eocd - 20:
            problems.append('zip: unexpected bytes around the ZIP64 end records')
    if comment != 0:
        problems.append('zip: the end record carries a comment (the pack writer never writes one)')
    if cd_offset + cd_size != cd_end:
        problems.append('zip: the central directory does not end where the end record begins')
    elif data[cd_end:] != end_records(count, cd_offset, cd_size):
        problems.append('zip: the end records differ from what the pack writer writes (bytes added or changed after the central directory)')
    date, time = dos_time(generated_at) if generated_at else (None, None)
    pos, expected_offset = cd_offset, 0
    for i in range(count):
        if data[pos:pos + 4] != b'PK\x01\x02':
            problems.append('zip: central directory entry %d is damaged' % (i + 1))
            return
        (made, need, flags, method, t, d, crc, csize, size, nlen, xlen, clen, disk, iattr, eattr,
         offset) = struct.unpack('<HHHHHHIIIHHHHHII', data[pos + 4:pos + 46])
        name = data[pos + 46:pos + 46 + nlen]
        extra = data[pos + 46 + nlen:pos + 46 + nlen + xlen]
        label = name.decode('utf-8', 'replace')
        raw_fields = (size, csize, offset)
        wide = [v for v in raw_fields if v == 0xFFFFFFFF]
        if wide:
            vals = struct.unpack('<' + 'Q' * len(wide), extra[4:4 + 8 * len(wide)])
            it = iter(vals)
            size = next(it) if size == 0xFFFFFFFF else size
            csize = next(it) if csize == 0xFFFFFFFF else csize
            offset = next(it) if offset == 0xFFFFFFFF else offset
        if generated_at and (t, d) != (time, date):
            problems.append('zip entry %s: timestamp differs from the pack\'s generatedAt (%s)' % (label, generated_at))
        want_cextra = struct.pack('<HH' + 'Q' * len(wide), 1, 8 * len(wide), *[
            v for r, v in zip(raw_fields, (size, csize, offset)) if r == 0xFFFFFFFF]) if wide else b''
        if (made, need, flags, method, clen, disk, iattr) != (0x032D, 45 if wide else 20, 0x0800, 8, 0, 0, 0) \
                or eattr != (0o100644 << 16) or extra != want_cextra:
            problems.append('zip entry %s: central directory fields differ from what the pack writer writes' % label)
        if offset != expected_offset:
            problems.append('zip entry %s: starts at byte %d, expected %d (bytes inserted or removed)' % (label, offset, expected_offset))
        local = data[offset:offset + 30]
        if local[:4] != b'PK\x03\x04':
            problems.append('zip entry %s: local header is damaged' % label)
            return
        (lneed, lflags, lmethod, lt, ld, lcrc, lcsize, lsize, lnlen, lxlen) = struct.unpack('<HHHHHIIIHH', local[4:30])
        big = size >= 0xFFFFFFFF or csize >= 0xFFFFFFFF
        lname = data[offset + 30:offset + 30 + lnlen]
        lextra = data[offset + 30 + lnlen:offset + 30 + lnlen + lxlen]
        want_extra = struct.pack('<HHQQ', 1, 16, size, csize) if big else b''
        want = (45 if big else 20, 0x0800, 8, lt if not generated_at else time, ld if not generated_at else date, crc,
                0xFFFFFFFF if big else csize, 0xFFFFFFFF if big else size)
        if (lneed, lflags, lmethod, lt, ld, lcrc, lcsize, lsize) != want or lname != name or lextra != want_extra:
            problems.append('zip entry %s: local header differs from the central directory' % label)
        check_deflate(data, offset + 30 + nlen + len(want_extra), csize, size, crc, label, problems)
        expected_offset = offset + 30 + lnlen + lxlen + csize
        pos += 46 + nlen + xlen + clen
    if expected_offset != cd_offset:
        problems.append('zip: %d unexpected bytes between the last entry and the central directory' % (cd_offset - expected_offset))
    if pos != cd_offset + cd_size:
        problems.append('zip: the central directory size does not match its entries')
`;
