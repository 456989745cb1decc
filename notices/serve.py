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


def livereload(root: Path, settings_file: str, output: str, host: str, port: int) -> None:
    """Rebuild on content, theme, plugin or settings change and reload the browser."""
    import threading

    from livereload import Server

    from .build import build, setup_logging

    setup_logging()
    lock = threading.Lock()

    def update_search_index():
        # Indexing takes seconds on a large site (5-9 s at 5,000 items): the pages go live
        # first, with the previous index, and a full build right after brings it up to date.
        with lock:
            build(settings_file, output)

    def rebuild():
        with lock:
            code = build(settings_file, output, {"NOTICES_REUSE_SEARCH": True})
        if code:
            print("Build failed; the site keeps showing the last good build.", file=sys.stderr)
            return
        threading.Thread(target=update_search_index, daemon=True).start()

    with lock:
        build(settings_file, output)
    server = Server()
    for pattern in ("content/**/*", "themes/**/*", "plugins/**/*.py", "notices/**/*.py",
                    "pelicanconf.py"):
        server.watch(str(root / pattern), rebuild)
    server.serve(host=host, port=port, root=output, open_url_delay=None)
