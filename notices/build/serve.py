"""Serve the built site locally, with an optional rebuild-and-reload loop."""

from __future__ import annotations

import functools
import http.server
import io
import os
import re
import sys
import threading
import time
from pathlib import Path

from notices.build import warm
from notices.build.driver import build, load_settings, setup_logging
from notices.build.workers import BuildCancelled

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


def byte_range(header: str, size: int) -> tuple[int, int] | None | bool:
    """The bytes ``[start, end)`` a ``Range`` header asks for of a file of ``size`` bytes:
    None to send the whole file (not one range of bytes: a list, another unit, bad syntax;
    RFC 9110 lets a server ignore it), False when it cannot be satisfied (416)."""
    match = _RANGE.fullmatch(header.strip())
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if not first:  # the last N bytes
        suffix = int(last)
        return (max(size - suffix, 0), size) if suffix and size else False
    start = int(first)
    if last and int(last) < start:
        return None
    if start >= size:
        return False
    return start, min(int(last) + 1, size) if last else size


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the site's 404 page, the right types for feeds and calendars, and
    single byte ranges (the search index's packs are read by Range requests)."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".ics": "text/calendar; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".wasm": "application/wasm",
    }

    def send_head(self):
        path = self.translate_path(self.path)
        header = self.headers.get("Range")
        if not header or not os.path.isfile(path) or path.endswith("/"):
            return super().send_head()
        try:
            source = open(path, "rb")  # noqa: SIM115 - do_GET copies and closes it
        except OSError:
            return super().send_head()
        size = os.fstat(source.fileno()).st_size
        wanted = byte_range(header, size)
        if wanted is None:
            source.close()
            return super().send_head()
        if wanted is False:
            source.close()
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        start, end = wanted
        source.seek(start)
        body = io.BytesIO(source.read(end - start))
        source.close()
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Range", f"bytes {start}-{end - 1}/{size}")
        self.send_header("Content-Length", str(end - start))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        return body

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's signature
        if os.environ.get("NOTICES_QUIET_SERVER"):
            return
        super().log_message(format, *args)


def make_server(directory: str, host: str = "localhost", port: int = 8000):
    handler = functools.partial(_SiteHandler, directory=os.path.abspath(directory))
    return http.server.ThreadingHTTPServer((host, port), handler)


def serve(directory: str, host: str = "localhost", port: int = 8000) -> None:
    """Serve ``directory`` until interrupted."""
    if not Path(directory, "index.html").exists():
        sys.exit(f"{directory}/index.html does not exist; run `invoke build` first")
    server = make_server(directory, host, port)
    print(f"Serving {directory} at http://{host}:{port}/ (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


class Rebuilder:
    """The live-reload server's builds, in one long-running process (``notices.build.warm``).

    After an edit the pages go live first, with the previous search index (indexing takes
    seconds on a large site); once no edit came for ``quiet`` seconds a full build brings
    the index up to date. An edit that comes while that build waits for the index stops
    it (nothing of it is published), so the new pages never wait for an index that is
    already out of date. A failed build keeps the last good site.
    """

    def __init__(self, settings_file: str, output: str, quiet: float = 1.0) -> None:


        self.warm = warm.enable()  # what this process keeps between its builds
        self.settings_file, self.output, self.quiet = settings_file, output, quiet
        self.lock = threading.Lock()
        self._pending = threading.Lock()  # guards the two below
        self._timer: threading.Timer | None = None
        self._cancel = threading.Event()

    def build(self, cancel=None) -> int:
        """A full build (pages and search index)."""
        return self._build(cancel=cancel)

    def rebuild_pages(self) -> int:
        """The build after an edit: everything but the search index."""
        self._stop_index_update()
        code = self._build(reuse_search=True)
        if code:
            print("Build failed; the site keeps showing the last good build.", file=sys.stderr)
        return code

    def rebuild(self) -> None:
        """After an edit: the pages now, the search index once edits pause."""

        if self.rebuild_pages() != 0:
            return
        with self._pending:
            self._timer = threading.Timer(self.quiet, self._update_index)
            self._timer.daemon = True
            self._timer.start()

    def _build(self, reuse_search: bool = False, cancel=None) -> int:
        with self.lock:
            return build(self.settings_file, self.output, warm=self.warm,
                         reuse_search=reuse_search, cancel=cancel)

    def settle(self) -> None:
        """Wait until no build is pending or running (tests)."""
        while True:
            with self._pending:
                timer = self._timer
            if timer is not None:
                timer.join()
            with self.lock:
                pass
            with self._pending:
                if self._timer is None or not self._timer.is_alive():
                    return

    def _stop_index_update(self) -> None:
        with self._pending:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._cancel.set()  # an update waiting for its index stops there

    def _update_index(self) -> None:


        with self._pending:
            self._timer = None
            self._cancel = cancel = threading.Event()
        try:
            self.build(cancel)
        except BuildCancelled:
            print("Search index update stopped for a newer edit; it follows that edit.",
                  file=sys.stderr)


WATCHED = ("content/**/*", "themes/**/*", "plugins/**/*.py", "notices/**/*.py", "pelicanconf.py")


def livereload(root: Path, settings_file: str, output: str, host: str, port: int) -> None:
    """Rebuild on content, theme, plugin or settings change and reload the browser."""
    from livereload import Server  # lazy: only the live-reload server needs it

    setup_logging()
    rebuilder = Rebuilder(settings_file, output)
    rebuilder.build()
    patterns = [str(root / pattern) for pattern in WATCHED]
    server = Server(watcher=watchfiles_watcher(patterns))
    for pattern in patterns:
        server.watch(pattern, rebuilder.rebuild)
    server.serve(host=host, port=port, root=output, open_url_delay=None)


def watchfiles_watcher(patterns: list[str]):
    """A watcher for livereload's server that hears of changes from the operating system
    (``watchfiles``: inotify on Linux) instead of livereload's own, which stats every
    watched file every 800 ms (at 20,000 content files a walk of its own, and on average
    0.4 s before an edit is seen). Each task runs once for a batch of changes that match
    its glob pattern; the reload message follows as with livereload's watchers."""
    import watchfiles  # lazy: only the live-reload server needs it
    from livereload.watcher import Watcher  # lazy: as above
    from tornado import ioloop  # lazy: as above (livereload's server runs on tornado)

    folders, files = set(), set()
    for pattern in patterns:
        fixed = Path(re.split(r"[*?[]", pattern, maxsplit=1)[0])
        if fixed.is_dir():
            folders.add(fixed)
        else:  # a single file: its folder, not recursively (an editor may replace the file)
            files.add(fixed.parent)

    class WatchfilesWatcher(Watcher):
        def __init__(self) -> None:
            super().__init__()
            self.stop = threading.Event()
            self._heard: list[str] = []
            self._heard_lock = threading.Lock()

        def start(self, callback) -> bool:
            loop = ioloop.IOLoop.current()

            def listen(paths, recursive: bool) -> None:
                for changes in watchfiles.watch(*paths, recursive=recursive,
                                                stop_event=self.stop, step=20):
                    with self._heard_lock:
                        self._heard.extend(path for _, path in sorted(changes))
                    loop.add_callback(callback)

            for paths, recursive in ((sorted(folders), True), (sorted(files), False)):
                if paths:
                    threading.Thread(target=listen, args=(paths, recursive), daemon=True,
                                     name="notices-watch").start()
            callback()  # livereload's first message (as its inotify watcher does)
            return True

        def examine(self):
            if self._changes:
                return self._changes.pop()
            with self._heard_lock:
                heard, self._heard = self._heard, []
            self.filepath = None
            done = set()
            for pattern, task in self._tasks.items():
                matches = glob_regex(pattern).fullmatch
                matched = [path for path in heard if matches(path)
                           and not (task["ignore"] and task["ignore"](path))]
                if matched and task["func"] is not None and task["func"] not in done:
                    self.filepath = matched[0]
                    done.add(task["func"])
                    task["func"]()
            return self.filepath, None

    return WatchfilesWatcher()


def glob_regex(pattern: str) -> re.Pattern:
    """A glob pattern as ``glob.glob(recursive=True)`` reads it: ``**/`` is any number of
    folders (none too), ``*`` and ``?`` stay within one path segment."""
    parts = re.split(r"(\*\*/|\*|\?)", pattern)
    wildcards = {"**/": "(?:.*/)?", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(wildcards.get(part) or re.escape(part) for part in parts))


def rebuild_on_request(settings_file: str, output: str | None) -> int:
    """Build, then build again for each line read from standard input, as the live-reload
    server does after an edit (the pages, then the search index); print one line per
    build: ``built <exit status> <seconds>`` (the benchmark drives this).

    Standard output carries these lines and nothing else: whatever else would be printed
    there (Pelican's "Done: Processed …") goes to standard error.
    """
    protocol = _own_channel()
    setup_logging()
    output = output or load_settings(settings_file)["OUTPUT_PATH"]
    rebuilder = Rebuilder(settings_file, output)
    started = time.perf_counter()
    code = rebuilder.build()
    print(f"built {code} {time.perf_counter() - started:.3f}", file=protocol, flush=True)
    for line in sys.stdin:
        what = line.strip()
        started = time.perf_counter()
        code = rebuilder.rebuild_pages() if what == "pages" else rebuilder.build()
        print(f"built {code} {time.perf_counter() - started:.3f}", file=protocol, flush=True)
    return 0


def _own_channel():
    """Standard output for the caller of this process alone: a file on a copy of its
    descriptor, while descriptor 1 (``sys.stdout``, and what Pelican's console printer
    holds) now writes to standard error."""
    sys.stdout.flush()
    protocol = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8", buffering=1)
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return protocol
