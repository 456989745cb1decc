"""Absolute URLs for outputs read outside the site (feeds, calendars, open data)."""

from __future__ import annotations


def site_base(settings: dict) -> str:
    """Return the site's absolute address without a trailing slash.

    ``SITEURL`` when it is absolute (publishconf.py), else ``FEED_DOMAIN`` (development).
    """
    siteurl = (settings.get("SITEURL") or "").rstrip("/")
    if siteurl.startswith(("http://", "https://")):
        return siteurl
    domain = (settings.get("FEED_DOMAIN") or "http://localhost:8000").rstrip("/")
    return domain + (siteurl if siteurl.startswith("/") else "")


def absolute(settings: dict, path: str) -> str:
    """Make a site-relative path such as ``outages/x.html#w-1`` absolute."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{site_base(settings)}/{path.lstrip('/')}"
