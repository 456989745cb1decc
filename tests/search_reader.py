"""A reader of the search index in Python, step for step as search.js reads it.

The tests build indexes of random records and check that this reader finds exactly the
records containing a query; a Chromium test checks that search.js finds the same on the
demo site.
"""

from __future__ import annotations

import json

from notices.search import index
from notices.search.index import NGRAM, matches, runs


def _numbers(data: bytes, at: int = 0):
    value, scale = 0, 1
    for byte in data[at:]:
        value += (byte & 0x7F) * scale
        scale *= 128
        if not byte & 0x80:
            yield value
            value, scale = 0, 1
    assert scale == 1, "truncated varint"


class _Cursor:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def more(self) -> bool:
        return self.at < len(self.data)

    def next(self) -> int:
        value, scale = 0, 1
        while True:
            byte = self.data[self.at]
            self.at += 1
            value += (byte & 0x7F) * scale
            scale *= 128
            if not byte & 0x80:
                return value


def record_numbers(data: bytes | None) -> list[int]:
    numbers, number = [], 0
    for delta in _numbers(data or b""):
        number += delta
        numbers.append(number)
    return numbers


def set_records(payload: bytes) -> list[int]:
    """A common token's records: count * 4 + mode, then deltas (mode 0), the first record
    and a bitmap from it (mode 1) or the Rice code of the gaps (mode 2)."""
    cursor = _Cursor(payload)
    head = cursor.next()
    count, mode = head >> 2, head & 3
    if mode == 0:
        found = record_numbers(payload[cursor.at:])
    elif mode == 2:
        found = rice_records(payload, cursor.at, count)
    else:
        first = cursor.next()
        found = [first + 8 * i + bit for i, byte in enumerate(payload[cursor.at:])
                 for bit in range(8) if byte >> bit & 1]
    assert len(found) == count
    return found


def rice_records(payload: bytes, at: int, count: int) -> list[int]:
    """``count`` records from a byte k at ``at``, then per record the gap from the previous
    one (less one; the first: the record itself): the gap >> k as 0 bits ended by a 1 bit,
    then its k low bits, lowest first; bits are read from each byte's lowest."""
    bits = _Bits(payload, at + 1)
    found, record = [], -1
    for _ in range(count):
        record += bits.rice(payload[at]) + 1
        found.append(record)
    assert (bits.bit + 7) // 8 == len(payload), "a Rice code's bytes are its own"
    return found


def shard(files: dict[str, bytes], units: list[str]):
    """A shard's common tokens (name -> records) and rare tokens (fingerprint -> records)."""
    meta = json.loads(files["index.json"])
    x = index.token_hash(units)  # looked up on the module: a test replaces it
    data = index.shard_item(files.__getitem__, index.shard_of(units, meta["shards"]))
    cursor = _Cursor(data)
    payloads: dict[str, bytes] = {}
    for _ in range(cursor.next()):
        size = cursor.next()
        name = data[cursor.at:cursor.at + size].decode("utf-8")
        cursor.at += size
        length = cursor.next()
        payloads[name] = data[cursor.at:cursor.at + length]
        cursor.at += length
    common = {name: set_records(payload) for name, payload in payloads.items()}
    rare: dict[int, set[int]] = {}
    if cursor.more():
        tokens = cursor.next()
        bits = _Bits(data, cursor.at + 1)
        k, width, fingerprint = data[cursor.at], index.record_bits(meta["records"]), 0
        for _ in range(tokens):
            fingerprint += bits.rice(k)
            for _ in range(bits.fixed(2) + 1):
                rare.setdefault(fingerprint, set()).add(bits.fixed(width))
        assert (bits.bit + 7) // 8 == len(data), "a shard's bits end with it"
    return common, rare, x >> 16


class _Bits:
    """Bits from ``at`` on, from each byte's lowest."""

    def __init__(self, data: bytes, at: int) -> None:
        self.data, self.bit = data, at * 8

    def fixed(self, width: int) -> int:
        value = 0
        for j in range(width):
            value |= (self.data[self.bit >> 3] >> (self.bit & 7) & 1) << j
            self.bit += 1
        return value

    def rice(self, k: int) -> int:
        quotient = 0
        while not self.fixed(1):
            quotient += 1
        return (quotient << k) + self.fixed(k)


def text(files: dict[str, bytes], number: int) -> str:
    firsts = record_numbers(files["t/index.bin"])
    page = max(i for i, first in enumerate(firsts) if first <= number)
    cursor = _Cursor(index.packed_item(files.__getitem__, "t", page))
    for _ in range(number - firsts[page]):
        skip = cursor.next()
        cursor.at += skip
    size = cursor.next()
    return cursor.data[cursor.at:cursor.at + size].decode("utf-8")


def plan_offsets(length: int) -> list[int]:
    offsets = list(range(0, length - NGRAM + 1, NGRAM))
    if offsets[-1] != length - NGRAM:
        offsets.append(length - NGRAM)
    return offsets


def term_records(files: dict[str, bytes], units: list[str]) -> set[int]:
    meta = json.loads(files["index.json"])
    whole = "".join(units)
    if len(units) <= meta["longest"]:
        common, rare, fingerprint = shard(files, units)
        if whole in common:
            return set(common[whole])
    if len(units) <= NGRAM:
        candidates = rare.get(fingerprint, set())
    else:
        candidates = None
        for offset in plan_offsets(len(units)):
            if candidates is not None and len(candidates) <= 1:
                break  # search.js stops here too: the text decides
            trigram = units[offset:offset + NGRAM]
            common, rare, fingerprint = shard(files, trigram)
            found = (set(common["".join(trigram)]) if "".join(trigram) in common
                     else rare.get(fingerprint, set()))
            candidates = found if candidates is None else candidates & found
    return {n for n in candidates if any(_inside(run, units) for run in runs(text(files, n)))}


def _inside(run: list[str], units: list[str]) -> bool:
    width = len(units)
    return any(run[i:i + width] == units for i in range(len(run) - width + 1))


def search(files: dict[str, bytes], query: str, **filters: str) -> list[int]:
    """The numbers of the records found, newest (highest) first."""
    terms = []
    for units in runs(query):
        if units not in terms:
            terms.append(units)
    if not terms:
        return []
    lists = [term_records(files, units) for units in terms]
    # (A value no record has may have no file in a delta: none of its records has it.)
    lists += [set(record_numbers(files.get(f"f/{name}-{value}.bin", b"")))
              for name, value in filters.items() if value]
    return sorted(set.intersection(*lists), reverse=True)


def delta_files(files: dict[str, bytes]) -> dict[str, bytes] | None:
    """The delta's files as an index of their own (``d/`` taken off, an ``index.json`` made
    from the main one's ``delta``), as search.js reads them; None without records."""
    meta = json.loads(files["index.json"])
    delta = meta.get("delta")
    if not delta or not delta["records"]:
        return None
    own = {**meta, "version": delta["version"], "records": delta["records"],
           "shards": delta["shards"]}
    del own["delta"]
    found = {path[2:]: data for path, data in files.items() if path.startswith("d/")}
    found["index.json"] = json.dumps(own).encode()
    return found


def search_with_delta(files: dict[str, bytes], query: str, **filters: str
                      ) -> list[tuple[str, int]]:
    """The records found in the main index less those its delta replaces (``("main", n)``)
    and in the delta (``("delta", j)``), newest first: main record m sorts as 2m + 1, the
    delta's record j as 2 * at[j] (before the main record it was placed before), then j."""
    delta = json.loads(files["index.json"]).get("delta") or {"removed": [], "at": []}
    removed = set(delta["removed"])
    found = [((2 * n + 1, 0), ("main", n)) for n in search(files, query, **filters)
             if n not in removed]
    own = delta_files(files)
    if own is not None:
        found += [((2 * delta["at"][j], j), ("delta", j)) for j in search(own, query, **filters)]
    return [key for _, key in sorted(found, reverse=True)]


assert matches  # the ground truth the tests compare this reader with
