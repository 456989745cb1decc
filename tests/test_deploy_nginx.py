"""Serving the built site with Debian's nginx and the generated configuration, on a free
loopback port in a temporary prefix; precompressed files; a short wrk load test."""

from __future__ import annotations

import gzip
import http.client
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from icalendar import Calendar

from conftest import build_site, copy_site
from notices.build.precompress import precompress
from notices.deploy import loadtest, nginx
from notices.deploy.kinds import KindTable

TABLE = KindTable()
# ./dev test installs nginx and wrk; in CI a missing one fails the run instead of skipping.
pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists()
    and not os.environ.get("CI"), reason="Debian's nginx is not installed (./dev test installs it)")


@pytest.fixture(scope="module")
def built() -> Path:
    # Not under pytest's private temporary folder: nginx runs as "nobody" when the tests run
    # as root, and must be able to read the site.
    folder = Path(tempfile.mkdtemp(prefix="notices-nginx-site-"))
    folder.chmod(0o755)
    site = copy_site("basic", folder / "site")
    result = build_site(site, PRECOMPRESS=True)
    assert result.code == 0, result.err
    yield result.output
    shutil.rmtree(folder)


@pytest.fixture(scope="module")
def served(built):
    with nginx.running(built, TABLE) as (url, conf):
        yield url, conf


def get(url: str, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.request("GET", path, headers=headers or {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def test_the_generated_configuration_passes_nginx_t(served, built):
    _, conf = served
    line = nginx.command(conf.parent, conf, built)
    result = subprocess.run([*line, "-t"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_runs_unprivileged(served):
    _, conf = served
    pid = int((conf.parent / "nginx.pid").read_text())
    workers = [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()
               and f"PPid:\t{pid}\n" in _status(p)]
    assert workers
    assert {os.stat(f"/proc/{p}").st_uid for p in [pid, *workers]} == {
        pwd.getpwnam("nobody").pw_uid if os.geteuid() == 0 else os.geteuid()}


def _status(proc: Path) -> str:
    try:
        return (proc / "status").read_text()
    except OSError:
        return ""


@pytest.mark.parametrize(("path", "content_type", "cache_control"), [
    ("/", "text/html; charset=utf-8", "public, max-age=300"),
    ("/articles/2024-05-01-two-districts.html", "text/html; charset=utf-8",
     "public, max-age=300"),
    ("/calendars/outages.ics", "text/calendar; charset=utf-8", "public, max-age=21600"),
    ("/feeds/all.rss.xml", "application/rss+xml; charset=utf-8", "public, max-age=300"),
    ("/feeds/all.atom.xml", "application/atom+xml; charset=utf-8", "public, max-age=300"),
    ("/feeds/all.json", "application/feed+json; charset=utf-8", "public, max-age=300"),
    ("/data/outages.json", "application/json; charset=utf-8", "public, max-age=300"),
    ("/search/i/0.bin", "application/octet-stream", "public, max-age=31536000, immutable"),
    ("/search/p/r.idx", "application/octet-stream", "public, max-age=31536000, immutable"),
    ("/theme/css/digest.css", "text/css; charset=utf-8", "public, max-age=3600"),
    ("/theme/js/digest.js", "text/javascript; charset=utf-8", "public, max-age=3600"),
])
def test_status_type_charset_and_cache_per_kind(served, built, path, content_type,
                                                cache_control):
    status, headers, body = get(served[0], path)
    assert status == 200
    assert headers["content-type"] == content_type
    assert headers["cache-control"] == cache_control
    assert headers["x-content-type-options"] == "nosniff"
    assert "etag" in headers and "last-modified" in headers
    file = built / (path.lstrip("/") or "index.html")
    assert body == file.read_bytes()
    if path != "/":
        assert headers["content-type"] == TABLE.kind_of(path.lstrip("/")).content_type


def test_csp_header_is_the_one_the_pages_declare(served, built):
    _, headers, _ = get(served[0], "/")
    assert headers["content-security-policy"] == nginx.page_csp(built)
    assert headers["content-security-policy"].startswith("default-src 'self'")


def test_gzip_clients_get_the_precompressed_file(served, built):
    path = "/articles/2024-05-01-two-districts.html"
    status, headers, body = get(served[0], path, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert headers["vary"] == "Accept-Encoding"
    assert body == (built / (path.lstrip("/") + ".gz")).read_bytes()
    assert gzip.decompress(body) == (built / path.lstrip("/")).read_bytes()


@pytest.mark.parametrize("path", ["/search/p/0.bin", "/search/p/t.idx"])
def test_search_packs_are_served_by_range_even_to_gzip_clients(served, built, path):
    # search.js reads items of the packs by byte offsets into the file as stored: a Range
    # over a gzip-encoded body would be wrong. Packs have no .gz copy, so nginx answers the
    # range of the plain file.
    data = (built / path.lstrip("/")).read_bytes()
    assert len(data) >= 8 and not Path(str(built / path.lstrip("/")) + ".gz").exists()
    status, headers, body = get(served[0], path + "?v=1",
                                {"Range": "bytes=4-7", "Accept-Encoding": "gzip, br"})
    assert (status, body) == (206, data[4:8])
    assert headers["content-range"] == f"bytes 4-7/{len(data)}"
    assert "content-encoding" not in headers
    status, headers, _ = get(served[0], path, {"Range": f"bytes={len(data)}-"})
    assert status == 416 and headers["content-range"] == f"bytes */{len(data)}"


def test_if_none_match_gets_304(served):
    _, headers, _ = get(served[0], "/feeds/all.atom.xml")
    status, _, body = get(served[0], "/feeds/all.atom.xml", {"If-None-Match": headers["etag"]})
    assert status == 304 and body == b""


def test_a_missing_page_gets_the_sites_404_page_with_status_404(served, built):
    status, headers, body = get(served[0], "/articles/no-such-notice.html")
    assert status == 404
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert body == (built / "404.html").read_bytes()
    assert headers["content-security-policy"] == nginx.page_csp(built)


def test_the_calendar_a_webcal_link_fetches_parses_in_icalendar(served):
    # webcal://host/calendars/outages.ics is a plain HTTP GET of the same path.
    status, _, body = get(served[0], "/calendars/outages.ics", {"Accept-Encoding": "gzip"})
    assert status == 200
    calendar = Calendar.from_ical(gzip.decompress(body))
    assert calendar.walk("VEVENT")
    assert str(calendar["REFRESH-INTERVAL"].to_ical(), "ascii") == "PT6H"


@pytest.mark.skipif(shutil.which("wrk") is None and not os.environ.get("CI"),
                    reason="wrk is not installed (./dev test installs it)")
def test_a_short_load_test_has_no_errors(served, built):
    result = loadtest.run_wrk(served[0], loadtest.request_mix(built, TABLE), connections=100,
                              seconds=2)
    assert result.errors == 0, result.report
    assert result.requests > 100 and result.p99_ms > 0


def test_precompressed_files_are_deterministic_and_follow_incremental_builds(tmp_path, built):
    page = built / "articles" / "2024-05-01-two-districts.html"
    gz = page.with_name(page.name + ".gz")
    assert gz.read_bytes()[4:8] == b"\0\0\0\0"  # mtime 0
    assert not gz.read_bytes()[3] & 0x08  # no file name
    assert gzip.decompress(gz.read_bytes()) == page.read_bytes()
    assert not (built / "search" / "i" / "0.bin.gz").exists()

    site = copy_site("basic", tmp_path / "site")
    assert build_site(site, PRECOMPRESS=True).code == 0
    output = site / "output"
    copies = {p.relative_to(output): p.read_bytes() for p in output.rglob("*.gz")}
    assert copies == {p.relative_to(built): p.read_bytes() for p in built.rglob("*.gz")}
    article = site / "content" / "articles" / "2024-05-01-two-districts.md"
    article.write_text(article.read_text("utf-8") + "\n补充说明：本文已更新。\n", "utf-8")
    assert build_site(site, PRECOMPRESS=True).code == 0
    for gz in output.rglob("*.gz"):
        assert gzip.decompress(gz.read_bytes()) == gz.with_suffix("").read_bytes(), gz
    assert (output / "articles" / "2024-05-01-two-districts.html.gz").read_bytes() != \
        copies[Path("articles/2024-05-01-two-districts.html.gz")]
    assert precompress(output, None) == len(copies)  # what a cold build compresses
