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

# Towns (镇, 街道, 乡) below the districts: every town of Ningbo's ten districts (the
# divisions of 2024; pages list a district's towns in this order), each with its short name
# as an alias (notices write 慈城 for 慈城镇) and, where a town was renamed, its former name
# (莼湖镇 is now 莼湖街道). Each slug is the
# pinyin of the name without its ending, written out so that a build does not load pypinyin;
# never change a published town's slug: subscribers' calendar and feed addresses contain it.
# A window naming a town not listed here is still published under its district, with a
# slug made the same way. The importer reads a town's district from this table when a
# notice names the town alone (a street office's, a village's or a property's notice).
_TOWNS = {
    "海曙区": (
        "南门街道:nanmen 西门街道:ximen 江厦街道:jiangsha 月湖街道:yuehu 鼓楼街道:gulou "
        "白云街道:baiyun 段塘街道:duantang 望春街道:wangchun 石碶街道:shiqi 高桥镇:gaoqiao "
        "横街镇:hengjie 集士港镇:jishigang 古林镇:gulin 洞桥镇:dongqiao 鄞江镇:yinjiang "
        "章水镇:zhangshui 龙观乡:longguan"
    ),
    "江北区": (
        "慈城镇:cicheng 洪塘街道:hongtang 庄桥街道:zhuangqiao 中马街道:zhongma 白沙街道:baisha "
        "孔浦街道:kongpu 文教街道:wenjiao 甬江街道:yongjiang"
    ),
    "镇海区": (
        "招宝山街道:zhaobaoshan 蛟川街道:jiaochuan 骆驼街道:luotuo 庄市街道:zhuangshi "
        "贵驷街道:guisi 澥浦镇:xiepu 九龙湖镇:jiulonghu"
    ),
    "北仑区": (
        "新碶街道:xinqi 小港街道:xiaogang 大碶街道:daqi 霞浦街道:xiapu 柴桥街道:chaiqiao "
        "戚家山街道:qijiashan 春晓街道:chunxiao 梅山街道:meishan 郭巨街道:guoju "
        "白峰街道:baifeng 大榭街道:daxie"
    ),
    "鄞州区": (
        "梅墟街道:meixu 中河街道:zhonghe 首南街道:shounan 钟公庙街道:zhonggongmiao "
        "下应街道:xiaying 潘火街道:panhuo 百丈街道:baizhang 东胜街道:dongsheng "
        "明楼街道:minglou 白鹤街道:baihe 东柳街道:dongliu 东郊街道:dongjiao 福明街道:fuming "
        "新明街道:xinming 宝华街道:baohua 姜山镇:jiangshan 五乡镇:wuxiang 邱隘镇:qiuai "
        "云龙镇:yunlong 横溪镇:hengxi 塘溪镇:tangxi 咸祥镇:xianxiang 瞻岐镇:zhanqi "
        "东钱湖镇:dongqianhu 东吴镇:dongwu"
    ),
    "奉化区": (
        "锦屏街道:jinping 岳林街道:yuelin 江口街道:jiangkou 西坞街道:xiwu "
        "萧王庙街道:xiaowangmiao 方桥街道:fangqiao 尚田街道:shangtian 莼湖街道:chunhu "
        "溪口镇:xikou 大堰镇:dayan 松岙镇:songao 裘村镇:qiucun"
    ),
    "余姚市": (
        "凤山街道:fengshan 阳明街道:yangming 梨洲街道:lizhou 兰江街道:lanjiang 低塘街道:ditang "
        "朗霞街道:langxia 临山镇:linshan 黄家埠镇:huangjiabu 小曹娥镇:xiaocaoe 泗门镇:simen "
        "马渚镇:mazhu 牟山镇:moushan 丈亭镇:zhangting 三七市镇:sanqishi 河姆渡镇:hemudu "
        "大隐镇:dayin 陆埠镇:lubu 梁弄镇:liangnong 大岚镇:dalan 四明山镇:simingshan "
        "鹿亭乡:luting"
    ),
    "慈溪市": (
        "浒山街道:hushan 古塘街道:gutang 白沙路街道:baishalu 坎墩街道:kandun 宗汉街道:zonghan "
        "横河镇:henghe 匡堰镇:kuangyan 逍林镇:xiaolin 新浦镇:xinpu 胜山镇:shengshan "
        "附海镇:fuhai 观海卫镇:guanhaiwei 掌起镇:zhangqi 龙山镇:longshan 长河镇:changhe "
        "崇寿镇:chongshou 庵东镇:andong 桥头镇:qiaotou 周巷镇:zhouxiang"
    ),
    "宁海县": (
        "跃龙街道:yuelong 桃源街道:taoyuan 梅林街道:meilin 桥头胡街道:qiaotouhu "
        "长街镇:changjie 力洋镇:liyang 一市镇:yishi 岔路镇:chalu 前童镇:qiantong "
        "桑洲镇:sangzhou 黄坛镇:huangtan 大佳何镇:dajiahe 强蛟镇:qiangjiao 西店镇:xidian "
        "深甽镇:shenzhen 胡陈乡:huchen 茶院乡:chayuan 越溪乡:yuexi"
    ),
    "象山县": (
        "丹东街道:dandong 丹西街道:danxi 爵溪街道:juexi 石浦镇:shipu 西周镇:xizhou 鹤浦镇:hepu "
        "贤庠镇:xianxiang 墙头镇:qiangtou 泗洲头镇:sizhoutou 定塘镇:dingtang 涂茨镇:tuci "
        "大徐镇:daxu 新桥镇:xinqiao 东陈乡:dongchen 晓塘乡:xiaotang 黄避岙乡:huangbiao "
        "茅洋乡:maoyang 高塘岛乡:gaotangdao"
    ),
}
_FORMER_NAMES = {"莼湖街道": ["莼湖镇"], "尚田街道": ["尚田镇"], "白峰街道": ["白峰镇"],
                 "春晓街道": ["春晓镇"], "梅山街道": ["梅山乡"], "郭巨街道": ["郭巨镇"]}


def _town(district: str, entry: str) -> dict:
    name, slug = entry.split(":")
    stem = name.removesuffix("街道").removesuffix("镇").removesuffix("乡")
    aliases = ([stem] if len(stem) >= 2 else []) + _FORMER_NAMES.get(name, [])
    return {"district": district, "name": name, "slug": slug, "aliases": aliases}


TOWNS = [_town(district, entry) for district, entries in _TOWNS.items()
         for entry in entries.split()]

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
