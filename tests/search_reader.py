"""A reader of the search index in Python, step for step as search.js reads it.

The tests build indexes of random records and check that this reader finds exactly the
records containing a query; a Chromium test checks that search.js finds the same on the
demo site.
"""

from __future__ import annotations

import json
import zlib

from notices.search.index import query_plans


def _numbers(data: bytes):
    value, scale = 0, 1
    for byte in data:
        value += (byte & 0x7F) * scale
        scale *= 128
        if not byte & 0x80:
            yield value
            value, scale = 0, 1
    assert scale == 1, "truncated varint"


def postings(files: dict[str, bytes], token: str) -> bytes | None:
    meta = json.loads(files["index.json"])
    name = token.encode("utf-8")
    data = files[f"i/{zlib.crc32(name) & (meta['buckets'] - 1)}.bin"]
    at = 0

    def number() -> int:
        nonlocal at
        value, scale = 0, 1
        while True:
            byte = data[at]
            at += 1
            value += (byte & 0x7F) * scale
            scale *= 128
            if not byte & 0x80:
                return value

    for _ in range(number()):
        size = number()
        found = data[at:at + size] == name
        at += size
        length = number()
        if found:
            return data[at:at + length]
        at += length
    return None


def record_numbers(data: bytes | None) -> list[int]:
    numbers, number = [], 0
    for delta in _numbers(data or b""):
        number += delta
        numbers.append(number)
    return numbers


def positions_by_record(data: bytes | None) -> dict[int, set[int]]:
    values = list(_numbers(data or b""))
    found: dict[int, set[int]] = {}
    number = i = 0
    while i < len(values):
        number += values[i]
        count = values[i + 1]
        positions, at = set(), 0
        for delta in values[i + 2:i + 2 + count]:
            at += delta
            positions.add(at)
        found[number] = positions
        i += 2 + count
    return found


def search(files: dict[str, bytes], query: str, **filters: str) -> list[int]:
    """The numbers of the records found, newest (highest) first."""
    lists = []
    for tokens, offsets in query_plans(query):
        if len(tokens[0].split(" ")) < 3:
            lists.append(set(record_numbers(postings(files, tokens[0]))))
            continue
        located = [positions_by_record(postings(files, token)) for token in tokens]
        lists.append({number for number, starts in located[0].items()
                      if any(all(start + o in located[j].get(number, ())
                                 for j, o in enumerate(offsets)) for start in starts)})
    if not lists:
        return []
    lists += [set(record_numbers(files[f"f/{name}-{value}.bin"]))
              for name, value in filters.items() if value]
    return sorted(set.intersection(*lists), reverse=True)
