"""Byte ranges from the local servers: `notices serve` (http.server) and the live-reload
server (tornado's StaticFileHandler). The search index's packs are read by Range requests
(docs/search.md, "Packs")."""

from __future__ import annotations

import asyncio
import http.client
import threading

import pytest

from notices.build.serve import byte_range, make_server

BODY = bytes(range(256)) * 4  # 1,024 bytes


@pytest.mark.parametrize(("header", "wanted"), [
    ("bytes=0-9", (0, 10)),
    ("bytes=1000-2000", (1000, 1024)),  # the end is clipped to the file
    ("bytes=1000-", (1000, 1024)),
    ("bytes=-24", (1000, 1024)),
    ("bytes=-5000", (0, 1024)),
    ("bytes=1024-", False),  # starts past the end: 416
    ("bytes=-0", False),
    ("bytes=0-1,5-6", None),  # a list of ranges: the whole file (RFC 9110 allows it)
    ("bytes=9-3", None),
    ("items=0-1", None),
    ("bytes=-", None),
])
def test_byte_range(header, wanted):
    assert byte_range(header, len(BODY)) == wanted


@pytest.fixture
def server(tmp_path):
    (tmp_path / "pack.bin").write_bytes(BODY)
    (tmp_path / "index.html").write_text("<p>site</p>")
    server = make_server(str(tmp_path), "127.0.0.1", 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def get(port: int, path: str, headers: dict[str, str], method: str = "GET"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, dict(response.getheaders()), body


def test_notices_serve_answers_one_range_with_206(server, monkeypatch):
    monkeypatch.setenv("NOTICES_QUIET_SERVER", "1")
    status, headers, body = get(server, "/pack.bin?v=1", {"Range": "bytes=100-199"})
    assert status == 206 and body == BODY[100:200]
    assert headers["Content-Range"] == "bytes 100-199/1024"
    assert headers["Content-Length"] == "100"
    assert headers["Content-Type"] == "application/octet-stream"
    status, headers, body = get(server, "/pack.bin", {"Range": "bytes=-4"})
    assert (status, headers["Content-Range"], body) == (206, "bytes 1020-1023/1024", BODY[-4:])
    status, headers, body = get(server, "/pack.bin", {"Range": "bytes=0-9"}, "HEAD")
    assert (status, headers["Content-Length"], body) == (206, "10", b"")


def test_notices_serve_416_and_whole_file(server, monkeypatch):
    monkeypatch.setenv("NOTICES_QUIET_SERVER", "1")
    status, headers, body = get(server, "/pack.bin", {"Range": "bytes=2000-"})
    assert (status, headers["Content-Range"], body) == (416, "bytes */1024", b"")
    for asked in ({}, {"Range": "bytes=0-1,4-5"}):
        status, headers, body = get(server, "/pack.bin", asked)
        assert (status, body) == (200, BODY)
    status, _, _ = get(server, "/missing.bin", {"Range": "bytes=0-1"})
    assert status == 404


def test_live_reload_server_answers_ranges(tmp_path):
    # `notices serve --reload` serves the output with livereload's StaticFileHandler, a
    # subclass of tornado's, which does Range itself. Its own event loop in a thread: the
    # tests' browser (Playwright) may be running one in this thread.
    tornado_web = pytest.importorskip("tornado.web")
    from livereload.handlers import StaticFileHandler
    from tornado.httpserver import HTTPServer
    from tornado.testing import bind_unused_port

    (tmp_path / "pack.bin").write_bytes(BODY)
    sock, port = bind_unused_port()
    loop = asyncio.new_event_loop()
    ready = threading.Event()

    def run() -> None:
        asyncio.set_event_loop(loop)
        app = tornado_web.Application([(r"/(.*)", StaticFileHandler, {"path": str(tmp_path)})])
        server = HTTPServer(app)
        server.add_sockets([sock])
        loop.call_soon(ready.set)
        loop.run_forever()
        server.stop()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert ready.wait(10)
    try:
        status, headers, body = get(port, "/pack.bin", {"Range": "bytes=100-199"})
        assert (status, body) == (206, BODY[100:200])
        assert headers["Content-Range"] == "bytes 100-199/1024"
        status, _, _ = get(port, "/pack.bin", {"Range": "bytes=2000-"})
        assert status == 416
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        loop.close()
