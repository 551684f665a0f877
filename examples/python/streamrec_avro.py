"""Avro single-object encoding, as streamrec's topics carry it, with Debian's python3-avro.

A value is the 2-byte marker C3 01, the 8-byte little-endian CRC-64-AVRO fingerprint of the
writer schema's Parsing Canonical Form, then the Avro binary body. The schemas are the
standalone files of schemas/standalone/ (each parses alone).
"""
import io
import json
import os
import struct

import avro.io
import avro.schema

MARKER = b"\xc3\x01"
_EMPTY = 0xC15D213AA4D7A795  # the CRC-64-AVRO seed, from the Avro specification
_TABLE = []
for _i in range(256):
    _fp = _i
    for _ in range(8):
        _fp = (_fp >> 1) ^ (_EMPTY & -(_fp & 1))
    _TABLE.append(_fp)

_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


def crc64_avro(data):
    fp = _EMPTY
    for byte in data:
        fp = (fp >> 8) ^ _TABLE[(fp ^ byte) & 0xFF]
    return fp


def canonical_form(schema, namespace=None, seen=None):
    """The specification's Parsing Canonical Form of a schema given as parsed JSON.

    Written out here because python3-avro 1.11's canonical_form keeps logical types as
    {"type":"long"} where the specification (and Java) write "long", which changes the fingerprint.
    """
    seen = set() if seen is None else seen
    dumps = lambda value: json.dumps(value, separators=(",", ":"))
    if isinstance(schema, list):
        return "[" + ",".join(canonical_form(s, namespace, seen) for s in schema) + "]"
    if isinstance(schema, str):
        return dumps(schema if schema in _PRIMITIVES or "." in schema or not namespace else namespace + "." + schema)
    kind = schema["type"]
    if kind in _PRIMITIVES:
        return dumps(kind)
    if kind == "array":
        return '{"type":"array","items":' + canonical_form(schema["items"], namespace, seen) + "}"
    if kind == "map":
        return '{"type":"map","values":' + canonical_form(schema["values"], namespace, seen) + "}"
    name = schema["name"]
    space = schema.get("namespace", namespace)
    full = name if "." in name or not space else space + "." + name
    if full in seen:
        return dumps(full)
    seen.add(full)
    inner = full.rpartition(".")[0] or None
    parts = ['"name":' + dumps(full), '"type":' + dumps("record" if kind == "error" else kind)]
    if kind in ("record", "error"):
        parts.append('"fields":[' + ",".join('{"name":' + dumps(f["name"]) + ',"type":'
                                             + canonical_form(f["type"], inner, seen) + "}" for f in schema["fields"]) + "]")
    elif kind == "enum":
        parts.append('"symbols":' + dumps(schema["symbols"]))
    elif kind == "fixed":
        parts.append('"size":' + str(schema["size"]))
    return "{" + ",".join(parts) + "}"


class Schemas:
    """The schemas of a folder of standalone .avsc files, by record name and by fingerprint."""

    def __init__(self, folder):
        self.by_name = {}
        self.by_fingerprint = {}
        for file in sorted(os.listdir(folder)):
            if file.endswith(".avsc"):
                with open(os.path.join(folder, file), encoding="utf-8") as f:
                    text = f.read()
                schema = avro.schema.parse(text)
                header = MARKER + struct.pack("<Q", crc64_avro(canonical_form(json.loads(text)).encode("utf-8")))
                self.by_name[file[:-len(".avsc")]] = (schema, header)
                self.by_fingerprint[header] = schema

    def encode(self, name, record):
        """The single-object encoding of `record` (a dict) as a `name` ("Interaction", ...)."""
        schema, header = self.by_name[name]
        body = io.BytesIO()
        avro.io.DatumWriter(schema).write(record, avro.io.BinaryEncoder(body))
        return header + body.getvalue()

    def decode(self, value, name=None):
        """The record (a dict) in `value`; read as `name` when given, else as written."""
        schema = self.by_fingerprint.get(value[:10])
        if schema is None:
            raise ValueError("not a single-object record of a known schema: header " + value[:10].hex())
        reader = self.by_name[name][0] if name else schema
        return avro.io.DatumReader(schema, reader).read(avro.io.BinaryDecoder(io.BytesIO(value[10:])))
