"""A process and its descendants, read from /proc (Linux), for the benchmarks' CPU and
memory figures of a build and every process it started."""

from __future__ import annotations

import os


def descendants(root: int) -> list[int]:
    """``root`` and every process under it (its children, theirs, …), root first."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii") as handle:
                    parent = int(handle.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found
