"""Site settings for 甬城通告 (Ningbo Notices). Serving another city means editing DISTRICTS."""

import os

from jinja2 import FileSystemBytecodeCache

PROJECT_ROOT = os.path.dirname(os.path.abspath(__file__))

AUTHOR = "甬城通告编辑部"
SITENAME = "甬城通告"
SITESUBTITLE = "宁波新闻、招标公告与计划停电预告"
SITEURL = ""
# Absolute URLs in feeds and calendars need a site address even in development.
FEED_DOMAIN = "http://localhost:8000"
PATH = os.path.join(PROJECT_ROOT, "content")
OUTPUT_PATH = os.path.join(PROJECT_ROOT, "output")
THEME = os.path.join(PROJECT_ROOT, "themes", "digest")
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
DEFAULT_DATE_FORMAT = "%Y年%-m月%-d日"

# The districts every item, feed and calendar is filed under: declared once, here.
# name: the official name; slug: the ASCII name in URLs; aliases: what editors and
# notices also write (海曙 for 海曙区). An item naming anything else fails the build.
DISTRICTS = [
    {"name": "海曙区", "slug": "haishu", "aliases": ["海曙"]},
    {"name": "江北区", "slug": "jiangbei", "aliases": ["江北"]},
    {"name": "鄞州区", "slug": "yinzhou", "aliases": ["鄞州"]},
    {"name": "镇海区", "slug": "zhenhai", "aliases": ["镇海"]},
    {"name": "北仑区", "slug": "beilun", "aliases": ["北仑"]},
    {"name": "奉化区", "slug": "fenghua", "aliases": ["奉化"]},
    {"name": "余姚市", "slug": "yuyao", "aliases": ["余姚"]},
    {"name": "慈溪市", "slug": "cixi", "aliases": ["慈溪"]},
    {"name": "宁海县", "slug": "ninghai", "aliases": ["宁海"]},
    {"name": "象山县", "slug": "xiangshan", "aliases": ["象山"]},
    {"name": "全市", "slug": "citywide", "aliases": ["宁波市", "市区"], "citywide": True},
]

# Towns (镇, 街道, 乡) below the districts. A window naming a town not listed here is still
# published under its district, with a slug from the pinyin of its name (慈城镇 -> cicheng);
# declare a town to give it aliases (what notices also write) or a different slug. Never
# change a published town's slug: subscribers' calendar and feed addresses contain it.
TOWNS = [
    {"district": "江北区", "name": "慈城镇", "slug": "cicheng", "aliases": ["慈城"]},
    {"district": "江北区", "name": "洪塘街道", "slug": "hongtang", "aliases": ["洪塘"]},
    {"district": "江北区", "name": "庄桥街道", "slug": "zhuangqiao", "aliases": ["庄桥"]},
]

# Plugins are listed explicitly: unset, Pelican would load every installed namespace plugin.
PLUGIN_PATHS = [os.path.join(PROJECT_ROOT, "plugins")]
PLUGINS = ["notice_reader", "digest_pages", "outage_calendar", "district_feeds", "search_index",
           "pelican.plugins.sitemap"]

# sitemap.xml (the pelican-sitemap plugin from PyPI): every page the build writes, with
# SITEURL in front (absolute in publishconf.py). robots.txt names it.
SITEMAP = {
    "format": "xml",
    "exclude": [r"^404\.html$"],
}

NOTICE_READER = {
    "summary_chars": 120,
}

# The search page and its index (search/); see docs/search.md.
SEARCH = {
    "results_per_page": 20,
}

# Outage and tender calendars (.ics), open data (.json) and the 停电日历 page; see
# docs/calendars.md. Durations are iCalendar durations ("PT6H" = 6 hours).
OUTAGE_CALENDAR = {
    "refresh_interval": "PT6H",
    "published_ttl": "PT6H",
    # Counted back from the newest content date, never the build clock.
    "retention": "P26W",
    "uid_namespace": "ningbo-notices",
}

# URLs: /<kind>/<slug>.html, stable because the slug comes from the file name.
ARTICLE_URL = "{category}/{slug}.html"
ARTICLE_SAVE_AS = "{category}/{slug}.html"
CATEGORY_URL = "{slug}/"
CATEGORY_SAVE_AS = "{slug}/index.html"
ARTICLE_PATHS = [""]
PAGE_PATHS = []
STATIC_PATHS = ["images", "files"]
USE_FOLDER_AS_CATEGORY = True
DEFAULT_PAGINATION = 20
# Only the kind lists are paginated; the home page is a digest, not a paged list.
PAGINATED_TEMPLATES = {"category": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
DIRECT_TEMPLATES = ["index", "404"]  # the archive is written by plugins/digest_pages
INDEX_SAVE_AS = "index.html"
_404_SAVE_AS = "404.html"

# Listing pages Pelican would add but the digest does not use.
TAG_SAVE_AS = TAGS_SAVE_AS = AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = DRAFT_URL = ""

# RSS, Atom and JSON Feed per district, per kind and for the site, and the 订阅 page; see
# docs/feeds.md. Never change guid_namespace once feeds are published.
DISTRICT_FEEDS = {
    "limit": 50,
    "guid_namespace": "ningbo-notices.cn,2019",
    "district_kinds": ["outages"],
}

# Pelican's own feeds stay off: feeds are written by the district_feeds plugin.
FEED_ALL_ATOM = FEED_ALL_RSS = FEED_ATOM = FEED_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None

# Compiled templates are cached across builds (keyed by each template's source).
_JINJA_CACHE = os.path.join(PROJECT_ROOT, ".cache", "jinja")
os.makedirs(_JINJA_CACHE, exist_ok=True)
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    "bytecode_cache": FileSystemBytecodeCache(_JINJA_CACHE),
    # Every build makes new template environments, so templates never change under one;
    # without this Jinja looks at each template file's time on every page it renders.
    "auto_reload": False,
}
RELATIVE_URLS = True
SLUGIFY_SOURCE = "basename"
# Dates and slugs come from the front matter (notice_reader); Pelican's default
# FILENAME_METADATA would parse a date out of every file name with dateutil, for nothing.
FILENAME_METADATA = ""
# One language, no translations: Pelican's search for them is quadratic (3 s at 20,000 items).
ARTICLE_TRANSLATION_ID = PAGE_TRANSLATION_ID = None
DELETE_OUTPUT_DIRECTORY = False
# Parsed content is cached by the notice_reader plugin, keyed by content hash.
CACHE_PATH = os.path.join(PROJECT_ROOT, ".cache")
LOAD_CONTENT_CACHE = False
CACHE_CONTENT = False
TYPOGRIFY = False

# Write page.html.gz beside each text file for nginx's gzip_static (deterministic: gzip
# with mtime 0 and no file name). Off while writing; on in publishconf.py.
PRECOMPRESS = False
