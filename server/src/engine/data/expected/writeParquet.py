#!/usr/bin/env python3
"""Write fixtures/types.parquet and fixtures/types.expected.json for the Parquet loader's tests.

Neither pyarrow nor fastparquet is available on this machine (Debian has no package for either),
so pandas cannot write Parquet here. This script is a small Parquet writer in the standard library
only, following the format specification (github.com/apache/parquet-format, parquet.thrift):
thrift compact protocol metadata, data pages v1, uncompressed, PLAIN values, RLE definition
levels, and one dictionary-encoded column (PLAIN_DICTIONARY dictionary page + RLE_DICTIONARY
indices). Two row groups. It shares no code with hyparquet or with Plumb.

The expected JSON holds, per column, what Plumb's loader should produce by its documented rules
(README.md): type, values (null where missing) and the missing count, computed here in Python
(dates with the datetime module).

Run: /usr/bin/python3 server/src/engine/data/expected/writeParquet.py
"""
import datetime
import json
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, '..', 'fixtures')

# --- thrift compact protocol -------------------------------------------------------------------
BOOL_TRUE, BOOL_FALSE, I32, I64, BINARY, LIST, STRUCT = 1, 2, 5, 6, 8, 9, 12


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def zigzag(n):
    return (n << 1) ^ (n >> 63)


class Struct:
    """Fields as (id, type, value); value is an int, bytes, bool, Struct or ('list', type, items)."""

    def __init__(self, *fields):
        self.fields = [f for f in fields if f[2] is not None]

    def encode(self):
        out = bytearray()
        last = 0
        for fid, ftype, value in self.fields:
            if ftype == BOOL_TRUE:
                ftype = BOOL_TRUE if value else BOOL_FALSE
            delta = fid - last
            out.append((delta << 4) | ftype if 0 < delta <= 15 else ftype)
            if not 0 < delta <= 15:
                out += varint(zigzag(fid))
            last = fid
            out += encode_value(ftype, value)
        out.append(0)
        return bytes(out)


def encode_value(ftype, value):
    if ftype in (BOOL_TRUE, BOOL_FALSE):
        return b''
    if ftype in (I32, I64):
        return varint(zigzag(value))
    if ftype == BINARY:
        data = value.encode('utf8') if isinstance(value, str) else value
        return varint(len(data)) + data
    if ftype == STRUCT:
        return value.encode()
    if ftype == LIST:
        etype, items = value
        head = bytes([(len(items) << 4) | etype]) if len(items) < 15 else bytes([0xF0 | etype]) + varint(len(items))
        return head + b''.join(encode_value(etype, v) for v in items)
    raise ValueError(ftype)


# --- parquet ----------------------------------------------------------------------------------
T_BOOLEAN, T_INT32, T_INT64, T_DOUBLE, T_BYTE_ARRAY = 0, 1, 2, 5, 6
REQUIRED, OPTIONAL = 0, 1
CT_UTF8, CT_DATE, CT_TS_MILLIS, CT_TS_MICROS = 0, 6, 9, 10
PLAIN, PLAIN_DICTIONARY, RLE, RLE_DICTIONARY = 0, 2, 3, 8


def rle_runs(values, width):
    """RLE/bit-packed hybrid, RLE runs only."""
    out = bytearray()
    nbytes = (width + 7) // 8
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        out += varint((j - i) << 1) + values[i].to_bytes(nbytes, 'little')
        i = j
    return bytes(out)


def plain(ptype, values):
    if ptype == T_BOOLEAN:
        out = bytearray((len(values) + 7) // 8)
        for i, v in enumerate(values):
            if v:
                out[i // 8] |= 1 << (i % 8)
        return bytes(out)
    if ptype == T_INT32:
        return b''.join(struct.pack('<i', v) for v in values)
    if ptype == T_INT64:
        return b''.join(struct.pack('<q', v) for v in values)
    if ptype == T_DOUBLE:
        return b''.join(struct.pack('<d', v) for v in values)
    if ptype == T_BYTE_ARRAY:
        return b''.join(struct.pack('<i', len(b)) + b for b in (v.encode('utf8') for v in values))
    raise ValueError(ptype)


def page_header(ptype, size, num_values, encoding, dictionary=False):
    if dictionary:
        return Struct((1, I32, 2), (2, I32, size), (3, I32, size), (7, STRUCT, Struct((1, I32, num_values), (2, I32, encoding)))).encode()
    return Struct((1, I32, 0), (2, I32, size), (3, I32, size), (5, STRUCT, Struct((1, I32, num_values), (2, I32, encoding), (3, I32, RLE), (4, I32, RLE)))).encode()


def column_chunk(name, ptype, rep, values, offset, use_dict):
    """Bytes of one column chunk starting at `offset`, and its ColumnChunk metadata."""
    present = [v for v in values if v is not None]
    body = bytearray()
    dict_offset = None
    encodings = [RLE]
    if use_dict:
        dictionary = list(dict.fromkeys(present))
        dict_bytes = plain(ptype, dictionary)
        dict_offset = offset
        body += page_header(ptype, len(dict_bytes), len(dictionary), PLAIN_DICTIONARY, dictionary=True) + dict_bytes
        width = max(1, (len(dictionary) - 1).bit_length())
        values_bytes = bytes([width]) + rle_runs([dictionary.index(v) for v in present], width)
        encodings += [PLAIN_DICTIONARY, RLE_DICTIONARY]
        encoding = RLE_DICTIONARY
    else:
        values_bytes = plain(ptype, present)
        encodings += [PLAIN]
        encoding = PLAIN
    levels = b''
    if rep == OPTIONAL:
        encoded = rle_runs([0 if v is None else 1 for v in values], 1)
        levels = struct.pack('<i', len(encoded)) + encoded
    data = levels + values_bytes
    data_offset = offset + len(body)
    body += page_header(ptype, len(data), len(values), encoding) + data
    meta = Struct(
        (1, I32, ptype),
        (2, LIST, (I32, encodings)),
        (3, LIST, (BINARY, [name])),
        (4, I32, 0),
        (5, I64, len(values)),
        (6, I64, len(body)),
        (7, I64, len(body)),
        (9, I64, data_offset),
        (11, I64, dict_offset),
    )
    return bytes(body), Struct((2, I64, offset), (3, STRUCT, meta))


def write(path, columns, groups):
    """columns: (name, ptype, rep, converted_type, values, use_dict); groups: row counts."""
    out = bytearray(b'PAR1')
    row_groups = []
    start = 0
    for n in groups:
        chunks = []
        size = 0
        for name, ptype, rep, _, values, use_dict in columns:
            body, meta = column_chunk(name, ptype, rep, values[start:start + n], len(out), use_dict)
            out += body
            size += len(body)
            chunks.append(meta)
        row_groups.append(Struct((1, LIST, (STRUCT, chunks)), (2, I64, size), (3, I64, n)))
        start += n
    schema = [Struct((4, BINARY, 'schema'), (5, I32, len(columns)))]
    for name, ptype, rep, ctype, _, _ in columns:
        schema.append(Struct((1, I32, ptype), (3, I32, rep), (4, BINARY, name), (6, I32, ctype)))
    meta = Struct((1, I32, 1), (2, LIST, (STRUCT, schema)), (3, I64, sum(groups)), (4, LIST, (STRUCT, row_groups)),
                  (6, BINARY, 'plumb expected/writeParquet.py')).encode()
    out += meta + struct.pack('<i', len(meta)) + b'PAR1'
    with open(path, 'wb') as f:
        f.write(out)


# --- the fixture --------------------------------------------------------------------------------
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
stamps = [datetime.datetime(2024, 5, 1, 13, 45, 30, 250000, tzinfo=datetime.timezone.utc),
          datetime.datetime(1969, 12, 31, 23, 59, 59, 999000, tzinfo=datetime.timezone.utc), None,
          datetime.datetime(2000, 2, 29, tzinfo=datetime.timezone.utc), EPOCH]
micros = [1714571130250123, -1, None, 0, 951782400000999]
days = [0, 19000, None, -1, 20000]
NA = ['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA',
      'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']

COLUMNS = [
    ('i64', T_INT64, OPTIONAL, None, [1, -2, None, 9007199254740993, 5], False),
    ('f64', T_DOUBLE, OPTIONAL, None, [0.1, None, -1.5e300, float('nan'), 2.5], False),
    ('i32', T_INT32, REQUIRED, None, [1, 2, 3, 4, 5], False),
    ('flag', T_BOOLEAN, OPTIONAL, None, [True, False, None, True, False], False),
    ('city', T_BYTE_ARRAY, OPTIONAL, CT_UTF8, ['Paris', None, 'Zürich', 'Paris', 'NA'], True),
    ('numtext', T_BYTE_ARRAY, OPTIONAL, CT_UTF8, ['1.5', '2', None, '-3e2', ' 4 '], False),
    ('yesno', T_BYTE_ARRAY, OPTIONAL, CT_UTF8, ['yes', 'No', None, 'TRUE', 'false'], False),
    ('day', T_INT32, OPTIONAL, CT_DATE, days, False),
    ('ts_ms', T_INT64, OPTIONAL, CT_TS_MILLIS, [None if s is None else round((s - EPOCH).total_seconds() * 1000) for s in stamps], False),
    ('ts_us', T_INT64, OPTIONAL, CT_TS_MICROS, micros, False),
]


def expected():
    def num(v):
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)

    def col(type_, values):
        return {'type': type_, 'values': values, 'missing': sum(v is None for v in values)}

    out = {}
    out['i64'] = col('numeric', [num(v) for v in COLUMNS[0][4]])
    out['f64'] = col('numeric', [num(v) for v in COLUMNS[1][4]])
    out['i32'] = col('numeric', [num(v) for v in COLUMNS[2][4]])
    out['flag'] = col('boolean', [None if v is None else (1 if v else 0) for v in COLUMNS[3][4]])
    out['city'] = col('categorical', [None if v is None or v in NA else v for v in COLUMNS[4][4]])
    out['numtext'] = col('numeric', [None if v is None else float(v) for v in COLUMNS[5][4]])
    out['yesno'] = col('boolean', [None if v is None else (1 if v.lower() in ('yes', 'true') else 0) for v in COLUMNS[6][4]])
    out['day'] = col('datetime', [None if d is None else (EPOCH + datetime.timedelta(days=d) - EPOCH).days * 86400000 for d in days])
    out['ts_ms'] = col('datetime', [None if s is None else round((s - EPOCH).total_seconds() * 1000) for s in stamps])
    out['ts_us'] = col('datetime', [None if u is None else math.floor(u / 1000) for u in micros])
    return out


if __name__ == '__main__':
    write(os.path.join(FIXTURES, 'types.parquet'), COLUMNS, [3, 2])
    with open(os.path.join(FIXTURES, 'types.expected.json'), 'w') as f:
        json.dump(expected(), f, indent=1, ensure_ascii=False)
        f.write('\n')
    print('wrote fixtures/types.parquet and fixtures/types.expected.json')
