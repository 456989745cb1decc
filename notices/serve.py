"""Serve the built site locally, with an optional rebuild-and-reload loop."""

from __future__ import annotations

import functools
import http.server
import os
import sys
from pathlib import Path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the site's 404 page and the right types for feeds and calendars."""

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
    """The live-reload server's builds, in one long-running process (``notices.warm``).

    After an edit the pages go live first, with the previous search index (indexing takes
    seconds on a large site); a second build right after, in a thread, brings the index
    up to date. A failed build keeps the last good site.
    """

    def __init__(self, settings_file: str, output: str) -> None:
        import threading

        from . import warm

        warm.enable()
        self.settings_file, self.output = settings_file, output
        self.lock = threading.Lock()

    def build(self) -> int:
        """A full build (pages and search index)."""
        from .build import build

        with self.lock:
            return build(self.settings_file, self.output)

    def rebuild_pages(self) -> int:
        """The build after an edit: everything but the search index."""
        from .build import build

        with self.lock:
            code = build(self.settings_file, self.output, {"NOTICES_REUSE_SEARCH": True})
        if code:
            print("Build failed; the site keeps showing the last good build.", file=sys.stderr)
        return code

    def rebuild(self) -> None:
        import threading

        if self.rebuild_pages() == 0:
            threading.Thread(target=self.build, daemon=True).start()


def livereload(root: Path, settings_file: str, output: str, host: str, port: int) -> None:
    """Rebuild on content, theme, plugin or settings change and reload the browser."""
    from livereload import Server

    from .build import setup_logging

    setup_logging()
    rebuilder = Rebuilder(settings_file, output)
    rebuilder.build()
    server = Server()
    for pattern in ("content/**/*", "themes/**/*", "plugins/**/*.py", "notices/**/*.py",
                    "pelicanconf.py"):
        server.watch(str(root / pattern), rebuilder.rebuild)
    server.serve(host=host, port=port, root=output, open_url_delay=None)


def rebuild_on_request(settings_file: str, output: str | None) -> int:
    """Build, then build again for each line read from standard input, as the live-reload
    server does after an edit (the pages, then the search index); print one line per
    build: ``built <exit status> <seconds>`` (the benchmark drives this)."""
    import time

    from .build import load_settings, setup_logging

    setup_logging()
    output = output or load_settings(settings_file)["OUTPUT_PATH"]
    rebuilder = Rebuilder(settings_file, output)
    started = time.perf_counter()
    code = rebuilder.build()
    print(f"built {code} {time.perf_counter() - started:.3f}", flush=True)
    for line in sys.stdin:
        what = line.strip()
        started = time.perf_counter()
        code = rebuilder.rebuild_pages() if what == "pages" else rebuilder.build()
        print(f"built {code} {time.perf_counter() - started:.3f}", flush=True)
    return 0
