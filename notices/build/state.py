"""What a build leaves behind for the next one, and the "nothing changed" check.

Pelican-free (importing Pelican takes a tenth of a second, and a build whose inputs are
unchanged must not pay it): the stat-based signature of every input, where the build state
of one output folder is kept, and atomic writes of that state. Imported by the driver and
by the modules that save build state (manifest, publish).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import re
import runpy
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# A file changed less than this before it was looked at is not trusted by its stat alone
# (the "nothing changed" check here, and the live-reload server's kept articles).
RACY_NS = 2_000_000_000


def input_signature(settings_file: str, overrides: dict) -> tuple[str, Path, Path] | None:
    """Stat-based signature of everything a build reads, without importing Pelican.

    Like git's index: sizes, modification times and inodes of the content, theme, plugin,
    library and settings files, plus the settings' values (which may come from the
    environment). Equal signatures mean an identical build; any difference falls back to
    the full build, where content hashes decide what really changed.
    """
    try:
        namespace = runpy.run_path(settings_file)
    except Exception:  # noqa: BLE001 - the full build reports settings errors properly
        return None
    values = {k: v for k, v in namespace.items() if k.isupper()}
    values.update(overrides)
    output, cache = values.get("OUTPUT_PATH"), values.get("CACHE_PATH")
    if not output or not cache:
        return None
    folders = [values.get("PATH"), values.get("THEME"), *values.get("PLUGIN_PATHS", []),
               str(Path(__file__).resolve().parents[1]), str(Path(settings_file).resolve().parent)]
    # Objects without a value repr (a bytecode cache) would change the signature every run.
    stable = re.compile(r" (?:object )?at 0x[0-9a-fA-F]+")
    digest = hashlib.sha256(repr(sorted((k, stable.sub("", repr(v)))
                                        for k, v in values.items())).encode())
    digest.update(sys.version.encode())
    newest = [0]
    for folder in folders:
        if not folder:
            return None
        top_only = folder == str(Path(settings_file).resolve().parent)
        _stat_tree(Path(folder), digest, newest, top_only)
    if newest[0] >= time.time_ns() - RACY_NS:
        # As git does with its index: a file changed within the last moments could change
        # again without its size or times changing (timestamps are a few milliseconds
        # coarse); such a signature is not trusted (the build compares content hashes).
        return None
    for entry in sys.path:
        if entry.endswith("site-packages") and os.path.isdir(entry):
            stat = os.stat(entry)
            digest.update(f"{entry}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest(), Path(output).absolute(), state_dir(cache, output) / "inputs"


def state_dir(cache_dir: str, output_dir: str | Path) -> Path:
    """Where the build state of one output folder is kept (its manifest, its input record).

    Pelican-free, like all of this module: the "nothing changed" check must not import
    Pelican (a tenth of a second).
    """
    name = hashlib.sha256(str(Path(output_dir).absolute()).encode()).hexdigest()[:12]
    return Path(cache_dir) / "builds" / name


def _stat_tree(folder: Path, digest, newest: list[int], top_only: bool = False) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        digest.update(f"missing:{folder}".encode())
        return
    for entry in entries:
        if entry.name.startswith((".", "__pycache__")) or entry.name == "output":
            continue
        if entry.is_dir(follow_symlinks=False):
            if not top_only:
                _stat_tree(Path(entry.path), digest, newest)
        else:
            if top_only and not entry.name.endswith(".py"):
                continue
            stat = entry.stat(follow_symlinks=False)
            digest.update(f"{entry.path}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:"
                          f"{stat.st_ino}\n".encode("utf-8", "surrogateescape"))
            newest[0] = max(newest[0], stat.st_mtime_ns, stat.st_ctime_ns)


def inputs_record(output_path: Path, signature: str) -> str:
    return f"{os.stat(output_path).st_ino} {signature}"


def unchanged_since_last_build(signature) -> bool:
    digest, output_path, record = signature
    try:
        return record.read_text("utf-8") == inputs_record(output_path, digest)
    except OSError:
        return False


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(text, "utf-8")
    os.replace(tmp, path)


class BuildBusy(Exception):
    """Another build of the same output folder holds the lock (and we were told not to wait)."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


@contextmanager
def build_lock(cache_dir: str, output_dir: Path, wait: bool = True,
               quiet: bool = False) -> Iterator[None]:
    """Hold the lock of one output folder: builds of one checkout run one after another.

    Two builds at once would delete each other's staging folders and could leave
    ``output/`` missing for a moment. ``flock`` is released by the kernel when the process
    ends, so a killed build never leaves a stale lock.
    """
    path = state_dir(cache_dir, output_dir) / "lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            if not wait:
                raise BuildBusy(holder) from None
            if not quiet:
                print(f"Waiting for another build of {Path(output_dir).name}/ (process "
                      f"{holder}) to finish …", file=sys.stderr, flush=True)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)
