"""Deploying to S3-compatible object storage, against moto's S3 server on 127.0.0.1."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
from botocore.exceptions import ClientError
from moto.server import ThreadedMotoServer

from conftest import ROOT, build_site, copy_site
from notices.deploy import s3
from notices.deploy.cli import main
from notices.deploy.kinds import LISTING, KindTable, calendar_max_age
from notices.deploy.nginx import free_port

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
               "AWS_DEFAULT_REGION": "us-east-1"}
TABLE = KindTable()


@pytest.fixture(scope="module")
def endpoint():
    saved = {key: os.environ.get(key) for key in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # a line per request
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


@pytest.fixture
def bucket(endpoint, request):
    name = re.sub(r"[^a-z0-9-]", "-", request.node.name.lower())[:50].strip("-")
    s3.client(endpoint).create_bucket(Bucket=name)
    return name


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The basic fixture site, built with precompressed copies (never uploaded)."""
    site = copy_site("basic", tmp_path_factory.mktemp("deploy") / "site")
    result = build_site(site, PRECOMPRESS=True)
    assert result.code == 0, result.err
    return result.output


def run(root: Path, url: str, endpoint: str, **options) -> tuple[int, list[str]]:
    lines: list[str] = []
    failed = s3.deploy(root, url, TABLE, endpoint_url=endpoint, out=lines.append, **options)
    return failed, lines


def bucket_state(endpoint: str, bucket: str, prefix: str = "") -> dict[str, tuple]:
    """Key → (ETag, Content-Type, Cache-Control) of every object under ``prefix``."""
    client = s3.client(endpoint)
    state = {}
    for rel, etag in s3.remote_objects(client, s3.Target(bucket, prefix)).items():
        head = client.head_object(Bucket=bucket, Key=prefix + rel)
        state[rel] = (etag, head["ContentType"], head["CacheControl"])
    return state


def bucket_etags(endpoint: str, bucket: str, prefix: str = "") -> dict[str, str]:
    return s3.remote_objects(s3.client(endpoint), s3.Target(bucket, prefix))


def local_md5(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.md5(p.read_bytes()).hexdigest()
            for p in root.rglob("*") if p.is_file() and p.suffix != ".gz"}


def test_deploy_sets_type_and_cache_per_kind_and_a_second_deploy_uploads_nothing(
        built, bucket, endpoint):
    failed, lines = run(built, f"s3://{bucket}/site", endpoint)
    files = local_md5(built)
    assert failed == 0
    assert re.fullmatch(rf"deploy: {len(files)} uploaded, 0 deleted, 0 unchanged, "
                        r"\d+\.\d MB", lines[-1])
    state = bucket_state(endpoint, bucket, "site/")
    assert set(state) == set(files)  # no .gz, nothing else
    for rel, (etag, content_type, cache_control) in state.items():
        kind = TABLE.kind_of(rel)
        assert (etag, content_type, cache_control) == (
            files[rel], kind.content_type, kind.cache_control), rel
    expected = {
        "index.html": ("text/html; charset=utf-8", "public, max-age=300"),
        "articles/2024-05-01-two-districts.html": ("text/html; charset=utf-8",
                                                   "public, max-age=300"),
        "calendars/outages.ics": ("text/calendar; charset=utf-8", "public, max-age=21600"),
        "feeds/all.rss.xml": ("application/rss+xml; charset=utf-8", "public, max-age=300"),
        "feeds/all.atom.xml": ("application/atom+xml; charset=utf-8", "public, max-age=300"),
        "feeds/all.json": ("application/feed+json; charset=utf-8", "public, max-age=300"),
        "data/outages.json": ("application/json; charset=utf-8", "public, max-age=300"),
        "search/index.json": ("application/json; charset=utf-8", "public, max-age=300"),
        "theme/css/digest.css": ("text/css; charset=utf-8", "public, max-age=3600"),
        "theme/js/digest.js": ("text/javascript; charset=utf-8", "public, max-age=3600"),
    }
    for rel, headers in expected.items():
        assert state[rel][1:] == headers, rel
    bins = [rel for rel in state if rel.startswith("search/") and rel.endswith(".bin")]
    assert bins and all(state[rel][2] == "public, max-age=31536000, immutable" for rel in bins)

    failed, lines = run(built, f"s3://{bucket}/site", endpoint)
    assert failed == 0
    assert lines == [f"deploy: 0 uploaded, 0 deleted, {len(files):,} unchanged, 0.0 MB"]


def test_a_dry_run_lists_what_it_would_do_and_changes_nothing(built, bucket, endpoint):
    failed, lines = run(built, f"s3://{bucket}", endpoint, dry_run=True)
    assert failed == 0 and bucket_etags(endpoint, bucket) == {}
    assert "upload index.html (new, text/html; charset=utf-8, public, max-age=300)" in lines
    assert lines[-1].startswith(f"deploy: {len(local_md5(built))} would be uploaded, "
                                "0 would be deleted, 0 unchanged, ")
    # New item pages go before the listings that link to them.
    order = [line.split()[1] for line in lines[:-1]]
    assert order.index("articles/2024-05-01-two-districts.html") < order.index("index.html")


def test_progress_on_long_uploads():
    lines: list[str] = []
    progress = s3.Progress(total=3, out=lines.append, every=0)
    for size in (1_500_000, 500_000, 1):
        progress.step(size)
    assert lines == ["deploy: 1/3 uploaded (1.5 MB)", "deploy: 2/3 uploaded (2.0 MB)"]


def test_sitemap_and_robots_get_their_types():
    assert TABLE.kind_of("sitemap.xml").content_type == "application/xml; charset=utf-8"
    assert TABLE.kind_of("robots.txt").content_type == "text/plain; charset=utf-8"


def test_the_command_line_says_what_is_wrong_without_a_traceback(tmp_path, capsys):
    code = main(["s3", "s3://bucket", "--root", str(tmp_path / "missing"),
                 "-s", str(ROOT / "pelicanconf.py")])
    assert (code, capsys.readouterr().err) == (
        2, f"{tmp_path / 'missing'}: no built site here (run ./dev publish first)\n")
    code = main(["s3", "bucket", "-s", str(tmp_path / "nope.py")])
    assert (code, capsys.readouterr().err) == (2, f"{tmp_path / 'nope.py'}: no such settings file\n")


def test_calendar_cache_follows_the_refresh_interval():
    assert calendar_max_age() == 6 * 3600  # notices.outputs.calendars' defaults
    assert calendar_max_age({"refresh_interval": "PT1H", "published_ttl": "PT2H"}) == 3600
    table = KindTable(calendar_max_age({"refresh_interval": "P1D", "published_ttl": "P1D"}))
    assert table.kind_of("calendars/outages/haishu.ics").cache_control == \
        "public, max-age=86400"


def test_an_edit_uploads_only_what_changed_and_a_removed_item_is_deleted(
        tmp_path, bucket, endpoint):
    site = copy_site("basic", tmp_path / "site")
    assert build_site(site).code == 0
    output = site / "output"
    assert run(output, f"s3://{bucket}", endpoint)[0] == 0
    before = local_md5(output)

    article = next((site / "content" / "articles").glob("*.md"))
    article.write_text(article.read_text("utf-8") + "\n补充说明：本文已更新。\n", "utf-8")
    assert build_site(site).code == 0
    after = local_md5(output)
    changed = sorted(rel for rel in after if before.get(rel) != after[rel])
    assert changed and len(changed) < len(after) / 4
    purge = tmp_path / "purge.txt"
    failed, lines = run(output, f"s3://{bucket}", endpoint, purge_list=purge,
                        site_url="https://notices.example.cn")
    assert failed == 0
    assert lines[-1].startswith(f"deploy: {len(changed)} uploaded, 0 deleted, "
                                f"{len(after) - len(changed):,} unchanged, ")
    purged = purge.read_text("utf-8").splitlines()
    assert {f"https://notices.example.cn/{rel}" for rel in changed} <= set(purged)
    if "index.html" in changed:
        assert "https://notices.example.cn/" in purged
    assert bucket_etags(endpoint, bucket) == after

    page = "articles/" + article.stem + ".html"
    assert page in after
    article.unlink()
    assert build_site(site).code == 0
    gone = set(after) - set(local_md5(output))
    assert page in gone
    failed, lines = run(output, f"s3://{bucket}", endpoint, keep_deleted=True, dry_run=True)
    assert f"delete {page}" not in lines and f"({len(gone)} kept: --keep-deleted)" in lines[-1]
    failed, lines = run(output, f"s3://{bucket}", endpoint)
    assert failed == 0 and f", {len(gone)} deleted, " in lines[-1]
    assert bucket_etags(endpoint, bucket) == local_md5(output)


def test_upload_order_never_leaves_a_broken_link():
    files = {rel: s3.LocalFile(rel, rel, md5, 1, TABLE.kind_of(rel)) for rel, md5 in {
        "index.html": "a", "articles/new.html": "b", "articles/old.html": "c",
        "feeds/all.rss.xml": "d", "theme/css/digest.css": "e", "calendars/outages.ics": "f",
    }.items()}
    remote = {"index.html": "0", "articles/old.html": "0", "feeds/all.rss.xml": "0",
              "theme/css/digest.css": "e", "calendars/outages.ics": "0",
              "articles/removed.html": "0"}
    work = s3.plan(files, remote)
    order = [[u.file.rel for u in stage] for stage in work.stages]
    assert order == [["articles/new.html"], ["articles/old.html"],
                     ["index.html", "feeds/all.rss.xml", "calendars/outages.ics"]]
    assert work.deletions == ["articles/removed.html"] and work.unchanged == 1
    # An object with the right content but stale headers is uploaded again.
    restyled = s3.plan(files, remote, stale_headers={"theme/css/digest.css"})
    assert [u.file.rel for u in restyled.stages[1]] == ["theme/css/digest.css"]
    assert restyled.stages[1][0].reason == "headers"


def test_a_failed_upload_exits_non_zero_and_a_rerun_completes(built, bucket, endpoint,
                                                              monkeypatch):
    make_client = s3.client

    def failing_client(endpoint_url=None):
        client = make_client(endpoint_url)

        def refuse(params, **_):
            if params["Key"].endswith("2024-05-01-two-districts.html"):
                raise ClientError({"Error": {"Code": "SlowDown", "Message": "Please reduce "
                                             "your request rate."}}, "PutObject")
        client.meta.events.register("before-parameter-build.s3.PutObject", refuse)
        return client

    monkeypatch.setattr(s3, "client", failing_client)
    failed, lines = run(built, f"s3://{bucket}", endpoint)
    assert failed == 1
    assert any(line.startswith(f"s3://{bucket}/articles/2024-05-01-two-districts.html: "
                               "upload failed: ") and "SlowDown" in line for line in lines)
    assert lines[-1] == ("deploy: 1 failed; nothing that links to them was published. "
                         "Run the deploy again to complete it")
    state = bucket_etags(endpoint, bucket)
    assert not any(TABLE.kind_of(rel).phase == LISTING for rel in state)  # no index yet
    monkeypatch.setattr(s3, "client", make_client)
    failed, lines = run(built, f"s3://{bucket}", endpoint)
    assert failed == 0
    assert bucket_etags(endpoint, bucket) == \
        local_md5(built)


def test_a_killed_deploy_rerun_ends_like_an_uninterrupted_one(built, bucket, endpoint):
    env = {**os.environ, **CREDENTIALS, "AWS_ENDPOINT_URL": endpoint}
    command = [sys.executable, "-m", "notices.deploy", "s3", f"s3://{bucket}/killed",
               "--root", str(built), "-s", str(ROOT / "pelicanconf.py"), "--jobs", "1"]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    client = s3.client(endpoint)
    total = len(local_md5(built))
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        count = client.list_objects_v2(Bucket=bucket, Prefix="killed/").get("KeyCount", 0)
        if count >= total // 3:
            break
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    half = bucket_state(endpoint, bucket, "killed/")
    assert 0 < len(half) < total
    failed, lines = run(built, f"s3://{bucket}/killed", endpoint)
    assert failed == 0 and lines[-1].startswith(f"deploy: {total - len(half)} uploaded, ")
    assert run(built, f"s3://{bucket}/whole", endpoint)[0] == 0
    assert bucket_state(endpoint, bucket, "killed/") == bucket_state(endpoint, bucket, "whole/")
    marker = boto3.client("s3", endpoint_url=endpoint).get_object(
        Bucket=bucket, Key="killed/" + s3.MARKER)
    assert marker["ContentType"] == "application/json"


def test_a_bad_target_says_what_is_expected(built):
    with pytest.raises(s3.DeployError, match=r'^target "bucket/x": expected s3://BUCKET or '
                       r"s3://BUCKET/PREFIX$"):
        s3.deploy(built, "bucket/x", TABLE)
