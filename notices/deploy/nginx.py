"""A complete nginx configuration for a built site: the types and cache lifetimes of
``notices.deploy.kinds``, precompressed files through ``gzip_static``, the site's 404 page
with status 404, and the pages' own Content-Security-Policy sent as a header.

Run it with a prefix for its pid, logs and temporary files, e.g.
``nginx -p /var/lib/notices-nginx -e stderr -c /etc/nginx/notices.conf``.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lxml import html

from notices.deploy.kinds import FileKind, KindTable


class ConfigError(Exception):
    """The built site lacks what the configuration is made from."""


def page_csp(root: Path) -> str:
    """The Content-Security-Policy the pages declare in their ``<meta http-equiv>``."""
    for name in ("index.html", "404.html"):
        page = root / name
        if not page.is_file():
            continue
        doc = html.fromstring(page.read_bytes())
        for meta in doc.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-security-policy":
                return meta.get("content", "")
    raise ConfigError(f"{root}: no index.html or 404.html with a Content-Security-Policy "
                      "meta tag; build the site first (./dev publish)")


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _headers(kind: FileKind | None, cache_control: str, csp: str, indent: str) -> list[str]:
    # add_header in a location replaces every add_header of the server: each location
    # repeats the security headers. "always": the 404 page carries them too.
    lines = [f"add_header Cache-Control {_quote(cache_control)} always;",
             "add_header X-Content-Type-Options nosniff always;",
             f"add_header Content-Security-Policy {_quote(csp)} always;"]
    if kind is not None and kind.phase == 2 and kind.name not in ("page", "listing"):
        # Feeds, calendars and open data are read by web apps on other sites.
        lines.append('add_header Access-Control-Allow-Origin "*" always;')
    return [indent + line for line in lines]


def render(root: Path, table: KindTable, port: int = 8080, server_name: str = "_",
           listen: str = "") -> str:
    """The configuration text for serving ``root`` on ``port``."""
    root = root.absolute()
    csp = page_csp(root)
    address = f"{listen}:{port}" if listen else str(port)
    out = [
        "# nginx configuration for the Ningbo Notices site, written by",
        "# `./dev nginx-config`. Paths without a leading / are relative to nginx's prefix (-p).",
        "worker_processes auto;",
        "pid nginx.pid;",
        "error_log stderr warn;",
        "events {",
        "    worker_connections 1024;",
        "}",
        "http {",
        "    access_log off;",
        "    client_body_temp_path client_body_temp;",
        "    proxy_temp_path proxy_temp;",
        "    fastcgi_temp_path fastcgi_temp;",
        "    uwsgi_temp_path uwsgi_temp;",
        "    scgi_temp_path scgi_temp;",
        "    sendfile on;",
        "    tcp_nopush on;",
        "    keepalive_timeout 65;",
        "    server_tokens off;",
        "    # Types of images and attachments; the site's own kinds are set per location.",
        "    types {",
    ]
    static = {}
    for ext in ("png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "pdf", "woff2", "doc",
                "docx", "xls", "xlsx", "zip"):
        kind = table.static_kind(f"x.{ext}")
        static.setdefault(kind.content_type, []).append(ext)
    out += [f"        {_quote(ctype)} {' '.join(exts)};" for ctype, exts in static.items()]
    out += [
        "    }",
        "    default_type application/octet-stream;",
        "    # page.html.gz beside page.html (PRECOMPRESS): sent as is to clients that accept",
        "    # gzip, with Vary: Accept-Encoding; others get the plain file.",
        "    gzip_static on;",
        "    gzip_vary on;",
        "    etag on;",
        "    server {",
        f"        listen {address};",
        f"        server_name {server_name};",
        f"        root {root};",
        "        index index.html;",
        "        # /articles -> /articles/ without naming this server's port (behind a proxy).",
        "        absolute_redirect off;",
        "        charset off;",
        "        error_page 404 /404.html;",
        "        # webcal:// links are fetched as plain GET of the .ics: no redirect, no auth.",
        "        location / {",
        *_headers(None, table.static_kind("x.png").cache_control, csp, "            "),
    ]
    for pattern, kind in table.rules:
        out += [
            f"            location ~ {_quote(pattern)} {{  # {kind.name}",
            "                types { }",
            f"                default_type {_quote(kind.content_type)};",
            *_headers(kind, kind.cache_control, csp, "                "),
            "            }",
        ]
    out += [
        "        }",
        "    }",
        "}",
    ]
    return "\n".join(out) + "\n"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _served_to_others(root: Path) -> bool:
    """True when any user may read ``root``: every folder above it can be entered."""
    path = root.absolute()
    if path.stat().st_mode & (stat.S_IROTH | stat.S_IXOTH) != stat.S_IROTH | stat.S_IXOTH:
        return False
    return all(parent.stat().st_mode & stat.S_IXOTH for parent in path.parents)


def command(prefix: Path, conf: Path, root: Path) -> list[str]:
    """The nginx command line for ``conf``, in the foreground, never running as root: as
    root it runs as "nobody" (through util-linux's setpriv) when "nobody" can read ``root``."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).exists():
        raise FileNotFoundError("nginx is not installed (Debian: apt-get install nginx)")
    line = [nginx, "-p", str(prefix), "-e", "stderr", "-c", str(conf)]
    directives = "daemon off;"  # a child of this process, stopped by its own pid
    if os.geteuid() != 0:
        return [*line, "-g", directives]
    if _served_to_others(root) and shutil.which("setpriv"):
        nobody = pwd.getpwnam("nobody")
        os.chown(prefix, nobody.pw_uid, nobody.pw_gid)
        return ["setpriv", "--reuid", str(nobody.pw_uid), "--regid", str(nobody.pw_gid),
                "--clear-groups", *line, "-g", directives]
    # A site in a private folder (under /root): nginx's workers must stay root to read it.
    return [*line, "-g", directives + " user root;"]


@contextmanager
def running(root: Path, table: KindTable, port: int | None = None,
            host: str = "127.0.0.1") -> Iterator[tuple[str, Path]]:
    """Serve ``root`` with Debian's nginx and the generated configuration on a loopback port,
    in a temporary prefix (pid, temporary files); yield (base URL, configuration file)."""
    port = port or free_port(host)
    with tempfile.TemporaryDirectory(prefix="notices-nginx-") as prefix:
        conf = Path(prefix) / "nginx.conf"
        conf.write_text(render(root, table, port=port, listen=host), "utf-8")
        line = command(Path(prefix), conf, root)
        subprocess.run([*line, "-t", "-q"], check=True, capture_output=True)
        log = open(Path(prefix) / "error.log", "wb")  # noqa: SIM115 - closed below
        server = subprocess.Popen(line, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=log)
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection((host, port), timeout=0.2).close()
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError("nginx did not start: " + (
                            Path(prefix) / "error.log").read_text("utf-8", "replace")) from None
                    time.sleep(0.05)
            yield f"http://{host}:{port}", conf
        finally:
            server.send_signal(signal.SIGQUIT)  # graceful: finish the open requests
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()
