"""Templates for new content files (``invoke new``), one per kind, like Hugo's archetypes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from notices.content.model import Kind
from notices.content.slugs import pinyin_slug, slug_from_stem

ARCHETYPES = {
    Kind.ARTICLE: """---
title: {title}
date: {date}
districts: [全市]
authors: []
photographers: []
source:
  paper: 宁波日报
tags: []
---
正文从这里开始。
""",
    Kind.TENDER: """---
title: {title}
date: {date}
notice_type: 招标公告
districts: [全市]
issuer: 招标单位名称
project: 项目名称
requirements: []
registration:
  - start: "{date} 09:00"
    end: "{date} 17:00"
    place: 报名地点
contacts:
  - name: 联系人
    phone: "0574-00000000"
---
公告全文。
""",
    Kind.OUTAGE: """---
title: {title}
date: {date}
source:
  name: 宁波供电公司
  url: "http://95598.zj.sgcc.com.cn"
windows:
  - date: {date}
    district: 江北区
    town: 慈城镇
    areas: [白米湾村]
    start: "08:00"
    end: "16:00"
cancelled: []
---
""",
}


def new_item(content_root: Path, kind: str, title: str, slug: str | None = None,
             date: str | None = None) -> Path:
    """Write a new content file of ``kind`` and return its path; never overwrite."""
    kind_value = Kind(kind if kind in {k.value for k in Kind} else kind + "s")
    day = date or dt.date.today().isoformat()  # the editor's "today": a default, not output
    name = slug_from_stem(slug) if slug else pinyin_slug(title, max_words=6)
    if slug and name is None:
        raise SystemExit(f'slug "{slug}" is not lower-case ASCII letters, digits and hyphens')
    path = content_root / kind_value.value / f"{day}-{name}.md"
    if path.exists():
        raise SystemExit(f"{path} already exists; choose another --slug")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARCHETYPES[kind_value].format(title=title, date=day), encoding="utf-8")
    return path
