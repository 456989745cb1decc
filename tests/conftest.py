"""Shared fixtures and helpers: build small fixture sites under tests/sites/ (never the real
content/), read their pages, digest their trees. Tests read nothing outside the repository."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import html

from notices.build.driver import build, check

# Replaced output trees are deleted in the background by default; tests need it done.
os.environ.setdefault("NOTICES_SYNC_DELETE", "1")

ROOT = Path(__file__).resolve().parents[1]
SITES = Path(__file__).resolve().parent / "sites"
SETTINGS = str(ROOT / "pelicanconf.py")
# The seed newspaper page the demo site was made from (a copy: tests read nothing outside
# the repository).
SEED_PAGE = Path(__file__).resolve().parent / "seed" / "seed-page.txt"


@dataclass
class BuildResult:
    code: int
    out: str
    err: str
    output: Path

    @property
    def problems(self) -> list[str]:
        """The problem lines (every line that names a content file)."""
        return [line for line in self.err.splitlines() if line.startswith("content/")]


def copy_site(name: str, dest: Path) -> Path:
    """Copy tests/sites/<name> to ``dest`` so a test can change it freely."""
    shutil.copytree(SITES / name, dest, symlinks=True)
    return dest


def build_site(site: Path, output: Path | None = None, command: str = "build", *,
               warm=None, reuse_search: bool = False, cancel=None, **settings) -> BuildResult:
    """Build (or check) a fixture site in-process, capturing what a user would see.

    ``settings`` override Pelican settings; ``warm``, ``reuse_search`` and ``cancel`` are
    what ``notices.build.driver.build`` is asked besides (the live-reload server's)."""
    output = output or site / "output"
    overrides = {"PATH": str(site / "content"), "PROJECT_ROOT": str(site),
                 "CACHE_PATH": str(site / ".cache"), **settings}
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        if command == "check":
            code = check(SETTINGS, overrides)
        else:
            code = build(SETTINGS, str(output), overrides, warm=warm,
                         reuse_search=reuse_search, cancel=cancel)
    return BuildResult(code, out.getvalue(), err.getvalue(), output)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path) with the SHA-256 of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def page(output: Path, path: str):
    """The HTML page ``output/path``, parsed with lxml."""
    return html.fromstring((output / path).read_bytes())


def built_fixture_site(tmp_path_factory, name: str, **settings) -> BuildResult:
    """tests/sites/<name> copied to a fresh folder and built (it must build cleanly)."""
    site = copy_site(name, tmp_path_factory.mktemp(name) / "site")
    result = build_site(site, **settings)
    assert result.code == 0, result.err
    return result


@pytest.fixture
def site(tmp_path) -> Path:
    """A fresh copy of the basic fixture site."""
    return copy_site("basic", tmp_path / "site")


@pytest.fixture(scope="session")
def basic_built_site(tmp_path_factory) -> Path:
    """The basic fixture site's folder after a build (content, cache and output/), once per
    session: tests copy it before they change it."""
    return built_fixture_site(tmp_path_factory, "basic").output.parent


@pytest.fixture(scope="session")
def basic_output(basic_built_site) -> Path:
    """The basic fixture site's output, built once per test session (read it, never change it)."""
    return basic_built_site / "output"


@pytest.fixture(scope="session")
def cal_output(tmp_path_factory) -> Path:
    """The calendars fixture site, built once per session."""
    return built_fixture_site(tmp_path_factory, "calendars").output


@pytest.fixture(scope="session")
def demo_output(tmp_path_factory) -> Path:
    """The bundled demo site (content/), built once per session into a temporary folder."""
    output = tmp_path_factory.mktemp("demo") / "output"
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = build(SETTINGS, str(output), {"CACHE_PATH": str(output.parent / ".cache")})
    assert code == 0, err.getvalue()
    return output


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def demo_server(demo_output):
    """The demo site served on a free localhost port: yields its base URL."""
    import threading

    from notices.build.serve import make_server

    os.environ["NOTICES_QUIET_SERVER"] = "1"
    server = make_server(str(demo_output), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright, headless, one per session."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
