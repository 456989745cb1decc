"""Build the site into a temporary folder and swap it in only when everything succeeded.

``output/`` is never half-written: a build with content problems, a template error or a
kill signal leaves the previous ``output/`` exactly as it was.
"""

from __future__ import annotations

import gc
import logging
import shutil
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from notices import timing
from notices.build import warm
from notices.build.publish import remove_stale_builds, swap_in, update_in_place
from notices.build.state import (
    input_signature,
    inputs_record,
    unchanged_since_last_build,
    write_atomic,
)
from notices.content.problems import PROBLEMS, ConfigError

if TYPE_CHECKING:
    from notices.content.catalog import Catalog

log = logging.getLogger(__name__)

EXIT_OK, EXIT_CONTENT, EXIT_CONFIG, EXIT_BUG = 0, 1, 2, 70


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
    from pelican import Pelican  # lazy: "nothing changed" runs without Pelican
    from pelican.plugins import signals  # lazy: as above

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
          overrides: dict | None = None) -> int:
    """Build into a temporary folder beside ``output``, then swap; return an exit code."""
    if warm.WARM is None:
        with _fewer_collections():
            return _build(settings_file, output, overrides)
    warm.WARM.settle()  # the last build's manifest and records are saved
    try:
        with _fewer_collections():
            return _build(settings_file, output, overrides)
    finally:
        warm.WARM.save_in_background()  # and then frees the garbage of this build


def _build(settings_file: str, output: str | None, overrides: dict | None) -> int:
    started = time.perf_counter()
    overrides = dict(overrides or {})
    if output:
        overrides.setdefault("OUTPUT_PATH", str(output))
    signature = input_signature(settings_file, overrides)
    # A long-running process builds in full the first time even when nothing changed: the
    # shortcut would leave it nothing to keep, and its first edit would read every file.
    if signature and unchanged_since_last_build(signature) and (
            warm.WARM is None or warm.WARM.primed):
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
    remove_stale_builds(output_path)
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
    cache = settings.get("CACHE_PATH")
    if state is None or not cache:
        return
    state.manifest.save(cache, output_path, state.code)
    if signature and signature[1] == output_path:
        write_atomic(signature[2], inputs_record(output_path, signature[0]))


def _build_into(settings_file: str, staging: Path, overrides: dict) -> tuple[int, object]:
    """Run Pelican into ``staging``; return (exit code, the build state)."""
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
    from pelican import Pelican  # lazy: "nothing changed" runs without Pelican

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


