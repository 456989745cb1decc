"""Deploy a built site to S3-compatible object storage (AWS S3, Aliyun OSS, Tencent COS,
Huawei OBS, MinIO) with boto3, configured by the standard AWS_* variables.

Only what changed is uploaded: each file's MD5 is compared with the ETag in the bucket
listing (a single-part upload's ETag is its MD5 on every one of these services). Objects go
online in an order that never leaves a broken link: new files first, then changed pages,
then feeds, calendars and listings; deletions last. A marker object records the header
table of the last complete deploy, so a change of Content-Type or Cache-Control re-uploads
what it concerns. A failed upload stops before anything that could link to it goes online
and exits non-zero; a rerun compares the listing again and completes the deploy.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from notices.deploy.kinds import FileKind, KindTable

#: Written last; names the header table of the last complete deploy.
MARKER = ".notices-deploy.json"


class DeployError(Exception):
    """A deploy that cannot start or did not finish (the message says which and why)."""


@dataclass(frozen=True)
class Target:
    bucket: str
    prefix: str  # "" or ending in "/"

    @classmethod
    def parse(cls, url: str) -> Target:
        if not url.startswith("s3://") or not url[5:].split("/", 1)[0]:
            raise DeployError(f'target "{url}": expected s3://BUCKET or s3://BUCKET/PREFIX')
        bucket, _, prefix = url[5:].partition("/")
        prefix = prefix.strip("/")
        return cls(bucket, prefix + "/" if prefix else "")

    def __str__(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


@dataclass(frozen=True)
class LocalFile:
    rel: str
    path: str
    md5: str
    size: int
    kind: FileKind


@dataclass(frozen=True)
class Upload:
    file: LocalFile
    reason: str  # new, changed or headers


@dataclass
class Plan:
    """What a deploy does, in order: ``stages`` of uploads, then ``deletions``."""

    stages: list[list[Upload]] = field(default_factory=list)
    deletions: list[str] = field(default_factory=list)
    unchanged: int = 0
    kept: int = 0  # objects the build no longer makes, kept by --keep-deleted

    @property
    def uploads(self) -> list[Upload]:
        return [upload for stage in self.stages for upload in stage]


def local_files(root: Path, table: KindTable) -> dict[str, LocalFile]:
    """Every file of the built site but the precompressed copies (nginx's business)."""
    found = {}
    base = str(root)
    for folder, dirs, names in os.walk(base):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".gz") and name[:-3] in names:
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, base).replace(os.sep, "/")
            with open(path, "rb") as handle:
                data = handle.read()
            found[rel] = LocalFile(rel, path, hashlib.md5(data).hexdigest(), len(data),
                                   table.kind_of(rel))
    return found


def plan(files: dict[str, LocalFile], remote: dict[str, str],
         stale_headers: frozenset[str] | set[str] = frozenset(),
         keep_deleted: bool = False) -> Plan:
    """Compare the build with the bucket listing (site-relative key → ETag); the objects in
    ``stale_headers`` have the right content but an out-of-date type or cache header."""
    result = Plan()
    new: dict[int, list[Upload]] = {}
    changed: dict[int, list[Upload]] = {}
    for rel, file in files.items():
        etag = remote.get(rel)
        if etag is None:
            new.setdefault(file.kind.phase, []).append(Upload(file, "new"))
        elif etag != file.md5:
            changed.setdefault(file.kind.phase, []).append(Upload(file, "changed"))
        elif rel in stale_headers:
            changed.setdefault(file.kind.phase, []).append(Upload(file, "headers"))
        else:
            result.unchanged += 1
    # New files first (nothing links to them yet), assets before pages before listings;
    # then changed files in the same order, so each goes online after what it links to.
    for group in (new, changed):
        for phase in sorted(group):
            result.stages.append(group[phase])
    gone = sorted(set(remote) - set(files))
    if keep_deleted:
        result.kept = len(gone)
    else:
        result.deletions = gone
    return result


def client(endpoint_url: str | None = None):
    """A boto3 S3 client from the standard AWS_* variables (AWS_ENDPOINT_URL for OSS, COS,
    OBS or MinIO). Path-style addressing works with every S3-compatible server."""
    config = Config(retries={"max_attempts": 5, "mode": "standard"},
                    s3={"addressing_style": os.environ.get("NOTICES_S3_ADDRESSING", "auto")},
                    max_pool_connections=16)
    return boto3.client("s3", endpoint_url=endpoint_url or None, config=config)


def remote_objects(s3, target: Target) -> dict[str, str]:
    """Site-relative key → ETag (lower-case MD5; OSS spells it in upper case)."""
    found = {}
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=target.bucket, Prefix=target.prefix):
        for item in page.get("Contents", []):
            rel = item["Key"][len(target.prefix):]
            if rel and rel != MARKER:
                found[rel] = item["ETag"].strip('"').lower()
    return found


def read_marker(s3, target: Target) -> dict:
    try:
        body = s3.get_object(Bucket=target.bucket, Key=target.prefix + MARKER)["Body"].read()
        return json.loads(body)
    except ClientError as exc:
        if exc.response.get("Error", {}).get("Code") in ("NoSuchKey", "404"):
            return {}
        raise
    except ValueError:
        return {}


@dataclass
class Progress:
    """Counts uploads and prints a line every ``every`` seconds on long deploys."""

    total: int
    out: Callable[[str], None]
    every: float = 2.0
    done: int = 0
    bytes: int = 0
    _last: float = field(default_factory=time.monotonic)

    def step(self, size: int) -> None:
        self.done += 1
        self.bytes += size
        now = time.monotonic()
        if now - self._last >= self.every and self.done < self.total:
            self._last = now
            self.out(f"deploy: {self.done:,}/{self.total:,} uploaded ({megabytes(self.bytes)})")


def megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def summary(uploaded: int, deleted: int, unchanged: int, size: int, dry_run: bool = False,
            kept: int = 0) -> str:
    verb = "would be " if dry_run else ""
    line = (f"deploy: {uploaded:,} {verb}uploaded, {deleted:,} {verb}deleted, "
            f"{unchanged:,} unchanged, {megabytes(size)}")
    return line + (f" ({kept:,} kept: --keep-deleted)" if kept else "")


def deploy(root: Path, url: str, table: KindTable, *, keep_deleted: bool = False,
           dry_run: bool = False, purge_list: Path | None = None, site_url: str = "",
           jobs: int = 8, endpoint_url: str | None = None,
           out: Callable[[str], None] | None = None) -> int:
    """Deploy ``root`` to ``url``; return the number of failed uploads (0: all done)."""
    out = out or (lambda line: print(line, file=sys.stderr, flush=True))
    target = Target.parse(url)
    if not root.is_dir():
        raise DeployError(f"{root}: no built site here (run ./dev publish first)")
    s3 = client(endpoint_url)
    files = local_files(root, table)
    try:
        remote = remote_objects(s3, target)
        marker = read_marker(s3, target)
    except (ClientError, BotoCoreError) as exc:
        raise DeployError(f"{target}: cannot list the bucket: {exc}") from exc
    version = table.version()
    stale: set[str] = set()
    if marker.get("headers") != version:
        # No complete deploy with this header table (a first deploy, a killed one, a new
        # table): ask for the headers of the objects whose content is already right.
        try:
            stale = _stale_headers(s3, target, files, remote, jobs)
        except (ClientError, BotoCoreError) as exc:
            raise DeployError(f"{target}: cannot read object headers: {exc}") from exc
    work = plan(files, remote, stale, keep_deleted)
    uploads = work.uploads
    size = sum(u.file.size for u in uploads)
    if dry_run:
        for upload in uploads:
            out(f"upload {upload.file.rel} ({upload.reason}, {upload.file.kind.content_type}, "
                f"{upload.file.kind.cache_control})")
        for rel in work.deletions:
            out(f"delete {rel}")
        out(summary(len(uploads), len(work.deletions), work.unchanged, size, dry_run=True,
                    kept=work.kept))
        return 0
    progress = Progress(len(uploads), out)
    failures: list[str] = []
    for stage in work.stages:
        failures += _upload_stage(s3, target, stage, progress, jobs)
        if failures:
            break  # what comes later may link to what failed
    done = progress.done
    deleted = 0
    if not failures:
        for start in range(0, len(work.deletions), 1000):  # DeleteObjects takes 1,000 keys
            batch = work.deletions[start:start + 1000]
            try:
                answer = s3.delete_objects(Bucket=target.bucket, Delete={
                    "Objects": [{"Key": target.prefix + rel} for rel in batch], "Quiet": True})
            except (ClientError, BotoCoreError) as exc:
                failures.append(f"{target}: deleting {len(batch)} objects failed: {exc}")
                break
            errors = answer.get("Errors", [])
            failures += [f"{target}{e['Key'][len(target.prefix):]}: delete failed: "
                         f"{e.get('Message', e.get('Code'))}" for e in errors]
            deleted += len(batch) - len(errors)
    if not failures:
        try:
            s3.put_object(Bucket=target.bucket, Key=target.prefix + MARKER,
                          Body=json.dumps({"headers": version}).encode(),
                          ContentType="application/json", CacheControl="no-store")
        except (ClientError, BotoCoreError) as exc:
            failures.append(f"{target}{MARKER}: upload failed: {exc}")
    if purge_list is not None:
        # New URLs too: a CDN may have cached their 404.
        changed = sorted({u.file.rel for u in uploads} | set(work.deletions))
        purge_list.write_text("".join(f"{line}\n" for line in purge_urls(changed, site_url)),
                              "utf-8")
    for line in failures:
        out(line)
    out(summary(done, deleted, work.unchanged, progress.bytes, kept=work.kept))
    if failures:
        out(f"deploy: {len(failures)} failed; nothing that links to them was published. "
            "Run the deploy again to complete it")
    return len(failures)


def _stale_headers(s3, target: Target, files: dict[str, LocalFile], remote: dict[str, str],
                   jobs: int) -> set[str]:
    same = [file for rel, file in files.items() if remote.get(rel) == file.md5]

    def stale(file: LocalFile) -> bool:
        head = s3.head_object(Bucket=target.bucket, Key=target.prefix + file.rel)
        return (head.get("ContentType"), head.get("CacheControl")) != (
            file.kind.content_type, file.kind.cache_control)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return {file.rel for file, old in zip(same, pool.map(stale, same), strict=True) if old}


def purge_urls(rels: list[str], site_url: str) -> list[str]:
    """The URLs a CDN caches each key under (a folder's index.html also as ``folder/``)."""
    base = site_url.rstrip("/")
    urls = []
    for rel in rels:
        urls.append(f"{base}/{rel}")
        if rel == "index.html" or rel.endswith("/index.html"):
            urls.append(f"{base}/{rel[:-len('index.html')]}")
    return urls


def _upload_stage(s3, target: Target, stage: list[Upload], progress: Progress,
                  jobs: int) -> list[str]:
    failures = []

    def put(upload: Upload) -> int:
        file = upload.file
        with open(file.path, "rb") as handle:
            body = handle.read()
        # One PUT, not a multipart upload: the ETag stays the MD5 the next deploy compares.
        s3.put_object(Bucket=target.bucket, Key=target.prefix + file.rel, Body=body,
                      ContentType=file.kind.content_type,
                      CacheControl=file.kind.cache_control,
                      ContentMD5=_base64_md5(file.md5))
        return file.size

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(put, upload): upload for upload in stage}
        for future in as_completed(futures):
            try:
                progress.step(future.result())
            except (ClientError, BotoCoreError, OSError) as exc:
                failures.append(f"{target}{futures[future].file.rel}: upload failed: {exc}")
    return failures


def _base64_md5(hexdigest: str) -> str:
    return base64.b64encode(bytes.fromhex(hexdigest)).decode()
