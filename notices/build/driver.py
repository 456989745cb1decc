"""Build the site into a temporary folder and swap it in only when everything succeeded.

``output/`` is never half-written: a build with content problems, a template error or a
kill signal leaves the previous ``output/`` exactly as it was.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from notices import timing
from notices.build.precompress import precompress
from notices.build.publish import (
    discard,
    make_world_readable,
    remove_stale_builds,
    swap_in,
    update_in_place,
)
from notices.build.session import BuildState
from notices.build.state import (
    BuildBusy,
    build_lock,
    input_signature,
    inputs_record,
    unchanged_since_last_build,
    write_atomic,
)
from notices.build.warm import WarmState
from notices.content.problems import PROBLEMS, ConfigError

if TYPE_CHECKING:
    from notices.content.catalog import Catalog

log = logging.getLogger(__name__)

EXIT_OK, EXIT_CONTENT, EXIT_CONFIG, EXIT_BUG = 0, 1, 2, 70
EXIT_BUSY = 75  # EX_TEMPFAIL: another build of the same output is running (--no-wait)


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
    from pelican.settings import read_settings  # lazy: "nothing changed" runs without Pelican

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
    from notices.build import pelican_adapter  # lazy: "nothing changed" runs without Pelican

    settings = load_settings(settings_file, overrides)
    return pelican_adapter.read_contexts(settings, BuildState(writes=False),
                                         tempfile.gettempdir())


def read_catalog(settings_file: str, overrides: dict | None = None) -> Catalog:
    """Read a site's content into its catalog without writing anything (tests, benchmarks)."""
    return read_site(settings_file, overrides)["catalog"]


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




@contextmanager
def _fewer_collections():
    """Run the cycle collector less often during a build, and as before after it.

    A build allocates hundreds of thousands of long-lived objects (notices, Pelican's
    articles, page contexts) and few cycles; with the default thresholds the collector
    walks them again and again. A long-running process (the live-reload server) must get
    its thresholds back: with these a full collection came about once in a hundred builds,
    and the garbage of every build stayed until then.
    """
    kept = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*kept)


def build(settings_file: str = "pelicanconf.py", output: str | None = None,
          overrides: dict | None = None, *, warm: WarmState | None = None,
          reuse_search: bool = False, cancel=None, wait: bool = True) -> int:
    """Build into a temporary folder beside ``output``, then swap; return an exit code.

    ``overrides`` are Pelican settings. The rest is what is asked of this build, not
    configuration: ``warm`` what a long-running process keeps between its builds,
    ``reuse_search`` carry the previous search index over (the pages go live first),
    ``cancel`` a ``threading.Event`` that stops the build where it waits for its workers.
    Builds of one output folder are serialised: a second one waits for the first (or,
    with ``wait=False``, refuses with one line and exit 75).
    """
    request = BuildState(reuse_search=reuse_search, cancel=cancel, warm=warm)
    if warm is None:
        with _fewer_collections():
            return _build(settings_file, output, overrides, request, wait)
    warm.settle()  # the last build's manifest and records are saved
    # An edit's build (the pages, the search index carried over) runs without the cycle
    # collector, which collects once the output is live (in the thread that saves the
    # state): at 5,000 items one or two collections of the young objects fell inside each
    # build, 0.06-0.12 s in all (docs/speed.md). The index update after it, seconds long,
    # keeps the collector.
    paused = warm.primed and reuse_search and gc.isenabled()
    if paused:
        gc.disable()
    try:
        with _fewer_collections():
            return _build(settings_file, output, overrides, request, wait)
    finally:
        # (then frees the garbage of this build, and turns the collector on again)
        warm.save_in_background(collector_paused=paused)


def _build(settings_file: str, output: str | None, overrides: dict | None,
           request: BuildState, wait: bool = True) -> int:
    started = time.perf_counter()
    overrides = dict(overrides or {})
    if output:
        overrides.setdefault("OUTPUT_PATH", str(output))
    # A build that carries the search index over is not the same as a full one.
    signature = input_signature(settings_file, {**overrides,
                                                "::reuse_search": request.reuse_search})
    # A long-running process builds in full the first time even when nothing changed: the
    # shortcut would leave it nothing to keep, and its first edit would read every file.
    if signature and unchanged_since_last_build(signature) and (
            request.warm is None or request.warm.primed):
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
    try:
        with build_lock(settings["CACHE_PATH"], output_path, wait=wait):
            return _build_locked(settings_file, overrides, settings, output_path, signature,
                                 started, request)
    except BuildBusy as exc:
        print(f"Another build of {output_path.name}/ is running (process {exc.holder}); not "
              "building (--no-wait). Run it again when that build has finished",
              file=sys.stderr)
        return EXIT_BUSY


def _build_locked(settings_file: str, overrides: dict, settings: dict, output_path: Path,
                  signature, started: float, request: BuildState) -> int:
    remove_stale_builds(output_path)
    staging = Path(tempfile.mkdtemp(prefix=f".build-{output_path.name}-",
                                    dir=output_path.parent))
    request.previous_output = str(output_path) if output_path.is_dir() else None
    try:
        code, state = _build_into(settings_file, staging, overrides, request)
        if code != EXIT_OK:
            return code
        unchanged = bool(state and state.manifest.unchanged)
        if not unchanged and settings.get("PRECOMPRESS"):
            with timing.phase("precompress"):
                precompress(staging, output_path if request.previous_output else None)
        if not unchanged:  # (mkdtemp made it 0700: a web server runs as another user)
            make_world_readable(staging, state.manifest.shared if state is not None else ())
        if not unchanged and state is not None and state.in_place:
            with timing.phase("update"):
                update_in_place(staging, output_path, state.manifest, settings["CACHE_PATH"])
        elif not unchanged:
            swap_in(staging, output_path)
        if request.warm is not None:  # the new output is live: the rest is bookkeeping
            tree = os.stat(output_path).st_ino

            def record_later() -> None:
                # After this build's lock is released: wait for any build that started since,
                # and record nothing if it replaced the tree this state describes.
                with build_lock(settings["CACHE_PATH"], output_path, quiet=True):
                    if os.stat(output_path).st_ino == tree:
                        _record_state(state, settings, output_path, signature)

            request.warm.later(record_later)
        else:
            _record_state(state, settings, output_path, signature)
        if unchanged:
            print(f"Nothing changed; {output_path.name}/ kept as it was "
                  f"({time.perf_counter() - started:.2f} s)", file=sys.stderr)
            return EXIT_OK
    finally:
        if staging.exists():  # (deleted in the background: it may hold thousands of links)
            discard(staging)
    elapsed = time.perf_counter() - started
    print(f"Built {output_path.name}/ in {elapsed:.2f} s", file=sys.stderr)
    return EXIT_OK


def _record_state(state, settings: dict, output_path: Path, signature) -> None:
    """Remember what the tree now at ``output_path`` was built from (after the swap)."""
    cache = settings.get("CACHE_PATH")
    if state is None or not cache:
        return
    state.manifest.save(cache, output_path, state.code, state.warm)
    if signature and signature[1] == output_path:
        write_atomic(signature[2], inputs_record(output_path, signature[0]))


def _build_into(settings_file: str, staging: Path, overrides: dict, request: BuildState
                ) -> tuple[int, BuildState | None]:
    """Run Pelican into ``staging``; return (exit code, the build state)."""
    settings = load_settings(settings_file, {**overrides, "OUTPUT_PATH": str(staging)})
    timing.reset()
    code, state = EXIT_BUG, None
    try:
        code, state = _run_pelican(settings, request)
    finally:
        if request.warm is not None:
            request.warm.finish(code == EXIT_OK)
    return code, state


def _run_pelican(settings: dict, state: BuildState) -> tuple[int, BuildState | None]:
    from notices.build import pelican_adapter  # lazy: "nothing changed" runs without Pelican

    with _counting_errors() as errors:
        try:
            with timing.phase("total"):
                pelican_adapter.run(settings, state)
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
    return EXIT_OK, state


