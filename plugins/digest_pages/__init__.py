from .digest_pages import register  # noqa: F401
