"""Jinja filters the theme uses to show dates and times the way Chinese readers expect."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"


def zh_date(value: dt.date | dt.datetime, year: bool = True) -> str:
    """2019年9月23日 (or 9月23日 without the year)."""
    text = f"{value.month}月{value.day}日"
    return f"{value.year}年{text}" if year else text


def zh_weekday(value: dt.date) -> str:
    return "星期" + WEEKDAYS[value.weekday()]


def zh_datetime(value: dt.datetime) -> str:
    return f"{zh_date(value)} {value:%H:%M}"


def iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


FILTERS = {
    "zh_date": zh_date,
    "zh_weekday": zh_weekday,
    "zh_datetime": zh_datetime,
    "iso": iso,
}
