from .district_feeds import register  # noqa: F401
