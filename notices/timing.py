"""Per-phase build timings, printed when NOTICES_TIMINGS=1 (the benchmark reads them)."""

from __future__ import annotations

import os
import resource
import sys
import time
from collections import defaultdict
from contextlib import contextmanager

PHASES: dict[str, float] = defaultdict(float)
#: Free-form figures of one part of the build, printed as ``note: <name>: <text>``.
NOTES: dict[str, str] = {}


@contextmanager
def phase(name: str):
    """Add the time spent in the block to phase ``name``."""
    started = time.perf_counter()
    try:
        yield
    finally:
        PHASES[name] += time.perf_counter() - started


def reset() -> None:
    PHASES.clear()
    NOTES.clear()


def report() -> None:
    """Print one line ``phases: read 1.23 s, render 2.34 s, …`` to stderr when asked."""
    if os.environ.get("NOTICES_TIMINGS") and PHASES:

        parts = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in PHASES.items())
        print(f"phases: {parts}", file=sys.stderr)
        # Peak resident memory (KiB on Linux) of the build process and of its largest child
        # (a parsing, rendering or writing worker, or the search indexer).
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
        print(f"memory: build {own} MiB, largest child {child} MiB", file=sys.stderr)
        for name, text in NOTES.items():
            print(f"note: {name}: {text}", file=sys.stderr)
