"""Build the site into a temporary folder and swap it in only when everything succeeded.

``output/`` is never half-written: a build with content problems, a template error or a
kill signal leaves the previous ``output/`` exactly as it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from . import timing
from .problems import PROBLEMS, ConfigError

log = logging.getLogger("notices.build")

EXIT_OK, EXIT_CONTENT, EXIT_CONFIG, EXIT_BUG = 0, 1, 2, 70
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class _ErrorCounter(logging.Handler):
    """Count ERROR records from Pelican: any of them means the output is not trustworthy."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def setup_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    if not any(getattr(h, "_notices", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler._notices = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def load_settings(settings_file: str, overrides: dict | None = None) -> dict:
    from pelican.settings import read_settings

    return read_settings(settings_file, override=overrides or {})


@contextmanager
def _counting_errors():
    counter = _ErrorCounter()
    logger = logging.getLogger("pelican")
    logger.addHandler(counter)
    try:
        yield counter
    finally:
        logger.removeHandler(counter)


def _report(lines: list[str]) -> None:
    for line in lines:
        print(line, file=sys.stderr)


def _problem_lines(exc: BaseException) -> list[str] | None:
    lines = getattr(exc, "lines", None)
    if lines is not None:
        return list(lines)
    if isinstance(exc, ConfigError):
        return str(exc).splitlines()
    return None


def read_site(settings_file: str, overrides: dict | None = None) -> dict:
    """Run Pelican's reading half (generators' contexts, then finalisation), writing nothing.

    Returns the shared context, which holds the ``catalog``; raises what the build would.
    """
    from pelican import Pelican
    from pelican.plugins import signals

    settings = load_settings(settings_file, overrides)
    pelican = Pelican(settings)
    context = settings.copy()
    context.update(generated_content={}, static_links=set(), static_content={},
                   localsiteurl=settings["SITEURL"])
    generators = [
        cls(context=context, settings=settings, path=pelican.path, theme=pelican.theme,
            output_path=tempfile.gettempdir())
        for cls in pelican._get_generator_classes()
    ]
    for generator in generators:
        if hasattr(generator, "generate_context"):
            generator.generate_context()
    signals.all_generators_finalized.send(generators)
    return context


def check(settings_file: str = "pelicanconf.py", overrides: dict | None = None) -> int:
    """Read and validate all content without writing anything; return an exit code."""
    try:
        context = read_site(settings_file, overrides)
    except Exception as exc:  # noqa: BLE001 - sorted into content, config and bugs below
        lines = _problem_lines(exc)
        if lines is None:
            raise
        _report(lines)
        print(_summary(lines), file=sys.stderr)
        return EXIT_CONFIG if isinstance(exc, ConfigError) else EXIT_CONTENT
    count = len(context["catalog"].notices)
    print(f"OK: {count} items checked, no problems")
    return EXIT_OK


def _summary(lines: list[str]) -> str:
    files = {line.split(": ", 1)[0] for line in lines}
    n = len(lines)
    return (f"{n} problem{'s' if n != 1 else ''} in {len(files)} file"
            f"{'s' if len(files) != 1 else ''}; nothing was published")




def input_signature(settings_file: str, overrides: dict) -> tuple[str, Path, Path] | None:
    """Stat-based signature of everything a build reads, without importing Pelican.

    Like git's index: sizes, modification times and inodes of the content, theme, plugin,
    library and settings files, plus the settings' values (which may come from the
    environment). Equal signatures mean an identical build; any difference falls back to
    the full build, where content hashes decide what really changed.
    """
    import hashlib
    import runpy

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
               str(Path(__file__).resolve().parent), str(Path(settings_file).resolve().parent)]
    import re

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
    from .warm import RACY_NS

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

    Here rather than in ``notices.incremental``: the "nothing changed" check needs it and
    must not import Pelican (a tenth of a second).
    """
    import hashlib

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


def _inputs_record(output_path: Path, signature: str) -> str:
    return f"{os.stat(output_path).st_ino} {signature}"


def _unchanged_since_last_build(signature) -> bool:
    digest, output_path, record = signature
    try:
        return record.read_text("utf-8") == _inputs_record(output_path, digest)
    except OSError:
        return False


def _fewer_collections() -> None:
    """Run the cycle collector less often during a build.

    A build allocates hundreds of thousands of long-lived objects (notices, Pelican's
    articles, page contexts) and few cycles; with the default thresholds the collector
    walks them again and again.
    """
    import gc

    gc.set_threshold(100_000, 50, 100)


def build(settings_file: str = "pelicanconf.py", output: str | None = None,
          overrides: dict | None = None) -> int:
    """Build into a temporary folder beside ``output``, then swap; return an exit code."""
    from . import warm

    if warm.WARM is None:
        return _build(settings_file, output, overrides)
    warm.WARM.settle()  # the last build's manifest and records are saved
    try:
        return _build(settings_file, output, overrides)
    finally:
        warm.WARM.save_in_background()


def _build(settings_file: str, output: str | None, overrides: dict | None) -> int:
    from . import warm

    started = time.perf_counter()
    _fewer_collections()
    overrides = dict(overrides or {})
    if output:
        overrides.setdefault("OUTPUT_PATH", str(output))
    signature = input_signature(settings_file, overrides)
    if signature and _unchanged_since_last_build(signature):
        print(f"Nothing changed; {signature[1].name}/ kept as it was "
              f"({time.perf_counter() - started:.2f} s)", file=sys.stderr)
        return EXIT_OK
    try:
        settings = load_settings(settings_file, overrides)
    except ConfigError as exc:
        _report(str(exc).splitlines())
        return EXIT_CONFIG
    output_path = Path(output or settings["OUTPUT_PATH"]).absolute()
    output_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_builds(output_path)
    staging = Path(tempfile.mkdtemp(prefix=f".build-{output_path.name}-",
                                    dir=output_path.parent))
    previous = str(output_path) if output_path.is_dir() else None
    try:
        code, state = _build_into(settings_file, staging,
                                  {**overrides, "NOTICES_PREVIOUS_OUTPUT": previous})
        if code != EXIT_OK:
            return code
        unchanged = bool(state and state.manifest.unchanged)
        if not unchanged and state is not None and state.in_place:
            from .incremental import update_in_place

            with timing.phase("update"):
                update_in_place(staging, output_path, state.manifest, settings["CACHE_PATH"])
        elif not unchanged:
            swap_in(staging, output_path)
        if warm.WARM is not None:  # the new output is live: the rest is bookkeeping
            warm.WARM.later(lambda: _record_state(state, settings, output_path, signature))
        else:
            _record_state(state, settings, output_path, signature)
        if unchanged:
            print(f"Nothing changed; {output_path.name}/ kept as it was "
                  f"({time.perf_counter() - started:.2f} s)", file=sys.stderr)
            return EXIT_OK
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    elapsed = time.perf_counter() - started
    print(f"Built {output_path.name}/ in {elapsed:.2f} s", file=sys.stderr)
    return EXIT_OK


def _record_state(state, settings: dict, output_path: Path, signature) -> None:
    """Remember what the tree now at ``output_path`` was built from (after the swap)."""
    from .incremental import write_atomic

    cache = settings.get("CACHE_PATH")
    if state is None or not cache:
        return
    state.manifest.save(cache, output_path, state.code)
    if signature and signature[1] == output_path:
        write_atomic(signature[2], _inputs_record(output_path, signature[0]))


def _build_into(settings_file: str, staging: Path, overrides: dict) -> tuple[int, object]:
    """Run Pelican into ``staging``; return (exit code, the build state)."""
    from . import warm

    settings = load_settings(settings_file, {**overrides, "OUTPUT_PATH": str(staging)})
    timing.reset()
    code, state = EXIT_BUG, None
    try:
        code, state = _run_pelican(settings)
    finally:
        if warm.WARM is not None:
            warm.WARM.finish(code == EXIT_OK)
    return code, state


def _run_pelican(settings: dict) -> tuple[int, object]:
    from pelican import Pelican

    with _counting_errors() as errors:
        try:
            with timing.phase("total"):
                Pelican(settings).run()
        except Exception as exc:  # noqa: BLE001 - sorted into content, config and bugs below
            lines = _problem_lines(exc)
            if lines is None:
                raise
            _report(lines)
            print(_summary(lines), file=sys.stderr)
            return (EXIT_CONFIG if isinstance(exc, ConfigError) else EXIT_CONTENT), None
    if errors.records:
        print(f"{len(errors.records)} error(s) logged during the build (see above); "
              "nothing was published", file=sys.stderr)
        return EXIT_BUG, None
    if PROBLEMS:
        _report(PROBLEMS.lines())
        return EXIT_CONTENT, None
    timing.report()
    return EXIT_OK, settings.get("NOTICES_BUILD_STATE")


def _remove_stale_builds(output_path: Path) -> None:
    """Remove staging folders left by killed builds, and old trees not yet deleted."""
    for stale in output_path.parent.glob(f".build-{output_path.name}-*"):
        if stale.name.endswith("-old"):
            continue  # a replaced tree that a background process is deleting
        _discard(stale)


def _discard(tree: Path) -> None:
    """Delete a replaced tree in the background: unlinking thousands of files is slow."""
    trash = tree.with_name(tree.name + "-old")
    os.rename(tree, trash)
    if os.environ.get("NOTICES_SYNC_DELETE"):
        shutil.rmtree(trash, ignore_errors=True)
        return
    import subprocess

    try:
        subprocess.Popen(["rm", "-rf", "--", str(trash)], start_new_session=True,
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    except OSError:
        shutil.rmtree(trash, ignore_errors=True)


def swap_in(staging: Path, output_path: Path) -> None:
    """Put ``staging`` at ``output_path`` atomically; the old tree ends up at ``staging``."""
    if not output_path.exists():
        os.rename(staging, output_path)
        return
    if _exchange(staging, output_path):
        _discard(staging)
        return
    # No renameat2 (not Linux): two renames, with a brief moment without output/.
    old = staging.with_name(staging.name + "-old")
    os.rename(output_path, old)
    os.rename(staging, output_path)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with Linux renameat2(RENAME_EXCHANGE)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name or not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m notices", description=__doc__)
    parser.add_argument("command", choices=["build", "check", "rebuild-on-request"],
                        help="rebuild-on-request: build, then again for each line on "
                             "standard input ('pages' or 'all'), keeping what a live-reload "
                             "server keeps between builds")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", default=None)
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--defer-search", action="store_true",
                        help="keep the previous search index (a full build updates it)")
    args = parser.parse_args(argv)
    setup_logging(args.verbose)
    if args.command == "check":
        return check(args.settings)
    if args.command == "rebuild-on-request":
        from .serve import rebuild_on_request

        return rebuild_on_request(args.settings, args.output)
    overrides = {"NOTICES_REUSE_SEARCH": True} if args.defer_search else None
    return build(args.settings, args.output, overrides)
