from .notice_reader import register  # noqa: F401
