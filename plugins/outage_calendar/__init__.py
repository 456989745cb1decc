from .outage_calendar import register  # noqa: F401
