"""Read the small pieces of an outage notice: characters, dates, weekdays and time windows.

Everything here works on *folded* text (see ``fold``): one character in, one character
out, so an offset in the folded text is the same offset in the text as printed, and the
importer can always quote and keep the printed fragment.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# ---------------------------------------------------------------------------
# Folding: full-width forms, dashes and Traditional characters, one for one.

# Traditional characters seen in place names and notices, with their Simplified forms.
# Used for matching only (districts, towns, labels, keywords); areas keep what was printed.
_TRADITIONAL = (
    "區区 鎮镇 縣县 鄉乡 內内 線线 電电 變变 時时 間间 範范 圍围 計计 劃划 預预 停停 點点 號号 "
    "廠厂 與与 廣广 場场 園园 綠绿 體体 館馆 後后 門门 東东 陽阳 龍龙 橋桥 灣湾 頭头 雙双 鄭郑 "
    "劉刘 楊杨 陳陈 張张 黃黄 樓楼 棟栋 單单 關关 廟庙 轉转 豐丰 華华 裡里 裏里 國国 際际 業业 "
    "務务 處处 辦办 會会 議议 環环 衛卫 寧宁 侖仑 閘闸 隊队 車车 輛辆 橫横 這这 們们 來来 對对 "
    "開开 發发 臺台 遠远 達达 運运 連连 週周 曉晓 禮礼 農农 藝艺 醫医 療疗 學学 無无 網网 絡络 "
    "驗验 氣气 燈灯 碼码 資资 產产 經经 濟济 濱滨 興兴 龜龟 灘滩 嶴岙 塢坞 莊庄 礦矿 鐵铁 "
    "設设 備备 檢检 修修 維维 護护 應应 級级 側侧 組组 織织 區区 街街 道道 鎮镇 村村 社社 "
    "幾几 條条 週周 歲岁 風风 雲云 灣湾 滬沪 蘇苏 浙浙 漢汉 廈厦 門门 鳳凤 凰凰 鄰邻 臨临 "
    "現现 區区 縣县 寶宝 貝贝 島岛 嶼屿 壩坝 渦涡 溝沟 澗涧 濤涛 潛潜 滿满 漁渔 澤泽 潔洁 "
    "條条 線线 纜缆 網网 絲丝 紅红 紫紫 綜综 合合 總总 廳厅 廬庐 樂乐 歡欢 慶庆 鄧邓 蔣蒋 "
    "顧顾 韓韩 謝谢 許许 馮冯 葉叶 趙赵 孫孙 錢钱 吳吴 鄒邹 湯汤 蕭萧 羅罗 鍾钟 鄺邝 盧卢 "
    "舊旧 東东 貿贸 買买 賣卖 價价 費费 資资 貨货 質质 購购 進进 過过 還还 邊边 遼辽 選选 "
    "鄉乡 陰阴 隴陇 隨随 險险 雜杂 難难 靈灵 靜静 響响 頂顶 項项 順顺 預预 領领 題题 額额 "
    "類类 顯显 飛飞 飯饭 馬马 駐驻 驛驿 鳥鸟 鹽盐 麥麦 齊齐 齒齿 嚴严 勞劳 勝胜 務务 動动 "
    "協协 廳厅 圖图 團团 圓圆 壓压 壯壮 聲声 處处 夢梦 奮奋 婦妇 實实 寫写 將将 導导 層层 "
    "屬属 帶带 幹干 廢废 廠厂 彎弯 從从 徑径 憶忆 戶户 掃扫 換换 擁拥 擴扩 據据 數数 斷断 "
    "書书 樁桩 樹树 橋桥 檔档 權权 歷历 殘残 氣气 淺浅 測测 濕湿 滅灭 漲涨 澆浇 爐炉 爭争 "
    "牆墙 獨独 獎奖 現现 瑪玛 畝亩 畫画 當当 發发 盤盘 確确 礎础 禪禅 種种 穩稳 窯窑 競竞 "
    "筆笔 節节 範范 築筑 簡简 籃篮 糧粮 紀纪 約约 級级 紡纺 細细 終终 結结 給给 統统 絕绝 "
    "綠绿 緊紧 練练 縮缩 績绩 織织 繼继 罷罢 義义 習习 聯联 聽听 脈脉 腦脑 臥卧 與与 艦舰 "
    "藥药 處处 號号 蟲虫 衝冲 補补 裝装 製制 複复 規规 視视 覽览 觀观 計计 訊讯 記记 許许 "
    "設设 評评 試试 話话 詳详 認认 語语 說说 課课 調调 請请 諮咨 證证 識识 護护 讀读 變变 "
    "讓让 豐丰 負负 貢贡 財财 貴贵 貸贷 賓宾 賴赖 趕赶 躍跃 車车 軍军 軟软 載载 輕轻 輸输 "
    "轄辖 農农 辦办 遷迁 適适 遲迟 遺遗 醫医 釣钓 鋼钢 錄录 鍋锅 鎖锁 鏡镜 鐘钟 長长 閉闭 "
    "開开 閒闲 間间 閣阁 闆板 陸陆 陣阵 隊队 階阶 際际 隱隐 雞鸡 離离 電电 霧雾 韋韦 頁页 "
    "須须 頓顿 頻频 題题 風风 飲饮 養养 餘余 館馆 驗验 體体 髮发 鬥斗 魚鱼 鮮鲜 鴻鸿 鵬鹏 "
    "麗丽 黨党 齡龄 罈坛 壇坛 塊块 墳坟 壟垄 壘垒 墾垦 壩坝 廈厦 廂厢 廚厨 彈弹 彙汇 徵征 "
    "惡恶 慣惯 懷怀 戲戏 擇择 擔担 據据 擠挤 攤摊 撥拨 擬拟 擊击 敗败 敵敌 斂敛 暫暂 曆历 "
    "朧胧 極极 構构 槍枪 樣样 標标 機机 檯台 櫃柜 欄栏 歐欧 歸归 氫氢 決决 況况 淨净 湧涌 "
    "溫温 滾滚 滯滞 滲渗 漸渐 潤润 澇涝 濁浊 濃浓 瀝沥 瀏浏 灣湾 煉炼 煙烟 熱热 營营 燒烧 "
    "爺爷 牽牵 犧牺 狀状 獲获 玀猡 瑣琐 環环 甕瓮 產产 畢毕 異异 疊叠 癒愈 盜盗 監监 盡尽 "
    "眾众 礙碍 祿禄 禍祸 稅税 稱称 穀谷 窩窝 窮穷 竄窜 筍笋 箏筝 簽签 紮扎 紛纷 素素 紹绍 "
    "經经 綁绑 維维 綱纲 網网 緒绪 編编 緣缘 縱纵 總总 繁繁 繩绳 繪绘 罰罚 羅罗 聖圣 聞闻 "
    "職职 肅肃 脅胁 膠胶 臉脸 艙舱 莖茎 萬万 葦苇 蓋盖 蓮莲 蔭荫 蕩荡 薦荐 薩萨 藍蓝 蘆芦 "
    "蘭兰 虛虚 蝦虾 螞蚂 術术 衛卫 裏里 誌志 誠诚 論论 謀谋 講讲 證证 譯译 豈岂 貓猫 貫贯 "
    "賀贺 賞赏 賢贤 質质 賽赛 贊赞 趨趋 跡迹 踐践 軌轨 較较 輔辅 輝辉 轎轿 辭辞 邊边 郵邮 "
    "鄉乡 醬酱 釋释 針针 釘钉 鈕钮 鉛铅 銀银 銅铜 銷销 鋪铺 錦锦 鍵键 鎊镑 鏈链 閃闪 閥阀 "
    "闊阔 陝陕 隸隶 雙双 雛雏 雜杂 霸霸 靂雳 韌韧 頒颁 頸颈 顆颗 顏颜 願愿 颱台 飄飘 餐餐 "
    "饋馈 騎骑 騰腾 驅驱 驚惊 髒脏 鬧闹 魯鲁 鯨鲸 鳴鸣 鴨鸭 鵝鹅 鶴鹤 鹹咸 麵面 黴霉 齋斋 "
    "龐庞 龔龚 嶺岭 巖岩 峽峡 崗岗 嶗崂 衚胡 衕同 畈畈 塘塘 壠垅 隄堤 濰潍 灤滦 瀋沈 鄞鄞 "
    "姚姚 慈慈 溪溪 曙曙 侖仑 鄖郧 邨村 箇个 祇只 週周 纔才 於于 佈布 佔占 傢家 僱雇 儘尽 "
    "兇凶 剋克 嚮向 囪囱 夥伙 奧奥 妝妆 嬰婴 孃娘 寧宁 寬宽 岡冈 嶽岳 崑昆 崙仑 廠厂 彥彦 "
    "後后 徹彻 恆恒 慾欲 懇恳 戰战 捨舍 掛挂 揚扬 摺折 擋挡 擺摆 擾扰 攜携 敘叙 斃毙 晝昼 "
    "晉晋 暉晖 暢畅 曬晒 朮术 東东 栗栗 棧栈 棲栖 椿椿 楓枫 楊杨 榮荣 榿桤 槓杠 樑梁 橢椭 "
    "檸柠 櫻樱 權权 毀毁 氾泛 沖冲 洩泄 涼凉 淒凄 渾浑 湊凑 滙汇 滷卤 潑泼 潰溃 澀涩 濺溅 "
    "瀉泻 灑洒 灕漓 灝灏 炤照 為为 烏乌 無无 煥焕 爾尔 牀床 犢犊 猶犹 獅狮 琺珐 瓊琼 甌瓯 "
    "畫画 疇畴 瘋疯 療疗 皚皑 盃杯 碩硕 磚砖 礦矿 祕秘 稜棱 窪洼 竊窃 箋笺 範范 簾帘 籌筹 "
    "籤签 粵粤 糰团 紐纽 純纯 紗纱 紙纸 級级 紳绅 組组 絨绒 綢绸 綫线 緝缉 緞缎 緯纬 縣县 "
    "繞绕 繳缴 纖纤 纏缠 缽钵 罈坛 羋芈 翹翘 聳耸 膽胆 臟脏 臺台 舉举 艷艳 莊庄 華华 "
    "葯药 蒼苍 蓀荪 蔔卜 薑姜 藝艺 蘋苹 蘇苏 蝕蚀 衆众 襪袜 覈核 訂订 訴诉 詞词 該该 誤误 "
    "諾诺 謄誊 譚谭 貞贞 貼贴 賬账 賺赚 購购 贏赢 趙赵 跡迹 蹟迹 軒轩 軸轴 輪轮 轟轰 辦办 "
    "迴回 週周 過过 遙遥 遞递 邁迈 還还 鄒邹 鄭郑 釀酿 鈴铃 鉤钩 鋁铝 錫锡 錶表 鍛锻 鎔熔 "
    "鑄铸 鑽钻 閩闽 閱阅 闡阐 阪阪 陘陉 隴陇 雋隽 霽霁 靜静 韻韵 頌颂 頗颇 頰颊 顛颠 颳刮 "
    "餅饼 餌饵 饒饶 駁驳 駕驾 驢驴 髮发 鬆松 鬍胡 魏魏 鱗鳞 鷹鹰 鹼碱 麼么 黃黄 點点 齒齿"
)
TRADITIONAL_TO_SIMPLIFIED: dict[str, str] = {
    pair[0]: pair[1] for pair in _TRADITIONAL.split() if len(pair) == 2 and pair[0] != pair[1]
}

_DASHES = "—–‒―−﹣－‐‑⁃"  # every dash a notice may use as a range sign
_TILDES = "～〜∼˜"
_DOTS = "・•‧∙●"
_SPACES = "\u3000\u00a0\u2002\u2003\u2009\u200b\u202f\ufeff"


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
    table.update({ord(c): "-" for c in _DASHES})
    table.update({ord(c): "~" for c in _TILDES})
    table.update({ord(c): "·" for c in _DOTS})
    table.update({ord(c): " " for c in _SPACES})
    table.update({ord("〔"): "(", ord("〕"): ")", ord("［"): "[", ord("］"): "]",
                  ord("﹙"): "(", ord("﹚"): ")", ord("︰"): ":", ord("∶"): ":",
                  ord("﹕"): ":", ord("，"): ",", ord("；"): ";", ord("﹐"): ",",
                  ord("〇"): "〇"})
    table.update({ord(t): s for t, s in TRADITIONAL_TO_SIMPLIFIED.items()})
    return table


_FOLD = _build_fold_table()
_DISPLAY = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F) if chr(c - 0xFEE0).isalnum()}
_DISPLAY.update({ord(c): " " for c in _SPACES})


def fold(text: str) -> str:
    """Fold full-width forms, dashes, dots and Traditional characters; keep the length."""
    return text.translate(_FOLD)


def display(text: str) -> str:
    """Return text as printed, with full-width letters and digits made ASCII (same length)."""
    return text.translate(_DISPLAY)


# ---------------------------------------------------------------------------
# Small shared patterns (on folded text).

CJK = r"\u3400-\u9fff"
SEPARATORS = "、,;"
RANGE = r"\s*(?:-+|~|至|到)\s*"
NEXT_DAY = r"(?:次日|翌日|第二天|隔日)"
WEEKDAYS = "一二三四五六日"
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekday_name(index: int) -> str:
    return _WEEKDAY_NAMES[index]


WEEKDAY = r"(?:星期|周|礼拜)\s*(?P<wd>[一二三四五六日天1-7])"

# A date with a year, or month and day; YYYY-MM-DD and YYYY/MM/DD too.
DATE = (
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]?"
    r"|(?P<y2>\d{4})\s*[-/.]\s*(?P<m2>\d{1,2})\s*[-/.]\s*(?P<d2>\d{1,2})\s*日?(?!\d)"
)
# A date standing alone on its line may also be written 09-23, 9/23 or 9.23.
SHORT_DATE = r"(?P<m3>\d{1,2})\s*[-/.]\s*(?P<d3>\d{1,2})(?!\d)"

DATE_RE = re.compile(DATE)
_DATE_THEN_WEEKDAY = re.compile(
    rf"(?:{DATE})(?:\s*[(\[【]?\s*{WEEKDAY}\s*[)\]】]?)?"
)
_SHORT_DATE_LINE = re.compile(
    rf"\s*[(\[【]?\s*{SHORT_DATE}\s*[)\]】]?(?:\s*[(\[【]?\s*{WEEKDAY}\s*[)\]】]?)?\s*[:]?\s*$"
)
_DAY_ONLY = re.compile(r"(?P<d>\d{1,2})\s*[日号]")

TIMEISH = re.compile(r"(?<!\d)\d{1,2}\s*(?::\s*\d|点|时(?!间))")


@dataclass(frozen=True)
class DateParts:
    """A printed date: the year may be missing; the weekday is what was printed, if any."""

    year: int | None
    month: int
    day: int
    weekday: int | None = None  # 0 = Monday


@dataclass(frozen=True)
class DateMatch:
    """A date (or a range of dates) found in folded text."""

    start: int
    end: int
    dates: tuple[DateParts, ...]


def _weekday_index(char: str | None) -> int | None:
    if not char:
        return None
    if char.isdigit():
        return (int(char) - 1) % 7
    return 6 if char in "日天" else WEEKDAYS.index(char)


def _parts(match: re.Match) -> DateParts:
    g = match.groupdict()
    if g.get("m") is not None:
        year, month, day = g.get("y"), g["m"], g["d"]
    else:
        year, month, day = g.get("y2"), g["m2"], g["d2"]
    return DateParts(int(year) if year else None, int(month), int(day),
                     _weekday_index(g.get("wd")))


def match_date(text: str, pos: int) -> DateMatch | None:
    """Match a date at ``pos``, with its weekday, or a range such as 5月6日至8日."""
    m = _DATE_THEN_WEEKDAY.match(text, pos)
    if not m or not (m.group("m") or m.group("m2")):
        return None
    first = _parts(m)
    end = m.end()
    dates = [first]
    rng = re.compile(RANGE).match(text, end)
    if rng:
        second = _DATE_THEN_WEEKDAY.match(text, rng.end())
        if second and (second.group("m") or second.group("m2")):
            parts = _parts(second)
            if not re.match(rf"\s*{NEXT_DAY}?\s*\d{{1,2}}\s*[:点时]", text[second.end():]):
                dates.append(DateParts(parts.year or first.year, parts.month, parts.day,
                                       parts.weekday))
                end = second.end()
        else:
            day_only = _DAY_ONLY.match(text, rng.end())
            if day_only:
                dates.append(DateParts(first.year, first.month, int(day_only.group("d"))))
                end = day_only.end()
    return DateMatch(pos, end, tuple(dates))


def match_short_date_line(text: str) -> DateMatch | None:
    """Match a line that is only a short date such as 09-23 or 9/23 (星期一)."""
    m = _SHORT_DATE_LINE.match(text)
    if not m:
        return None
    return DateMatch(0, len(text), (DateParts(None, int(m.group("m3")), int(m.group("d3")),
                                              _weekday_index(m.group("wd"))),))


def resolve_date(parts: DateParts, reference: dt.date) -> tuple[dt.date | None, bool]:
    """Give a printed date its year; return (date, rolled) or (None, False) if unreal.

    A month far from the reference month belongs to the neighbouring year: a December
    notice listing January dates means next January.
    """
    year, rolled = parts.year, False
    if year is None:
        year = reference.year
        if parts.month < reference.month - 6:
            year, rolled = year + 1, True
        elif parts.month > reference.month + 6:
            year, rolled = year - 1, True
    try:
        return dt.date(year, parts.month, parts.day), rolled
    except ValueError:
        return None, False


# ---------------------------------------------------------------------------
# Times and time windows.

_MERIDIEM = r"(?P<mer>上午|早上|早晨|清晨|中午|下午|傍晚|晚上|夜间|夜里|凌晨|晚|早)"
_POINT = (
    rf"(?:{_MERIDIEM}\s*)?(?P<h>\d{{1,2}})\s*"
    r"(?::\s*(?P<m>\d{2})(?::\d{2})?|点\s*(?:(?P<half>半)|(?P<m2>\d{1,2})\s*分?)?"
    r"|时\s*(?:(?P<m3>\d{1,2})\s*分)?)"
)
_POINT_RE = re.compile(
    rf"(?<!\d)(?:(?:每天|每日|当天|当日)\s*)?(?:(?P<nd>{NEXT_DAY})\s*)?{_POINT}(?!\d)")
_RANGE_RE = re.compile(RANGE)
_DATE_PREFIX = re.compile(
    rf"(?:(?:{DATE})(?:\s*[(]?\s*{WEEKDAY}\s*[)]?)?)\s*"
)
_LIST_SEP = re.compile(r"\s*(?:[,、;/]|和|及|以及)\s*|\s+")


@dataclass(frozen=True)
class Point:
    """One printed time of day, before it is placed in a window."""

    hour: int
    minute: int
    meridiem: str | None
    next_day: bool
    date: DateParts | None
    text: str


@dataclass(frozen=True)
class TimeWindow:
    """A start and an end read from a notice; minutes past the window's own midnight."""

    start: int  # minutes after midnight of the window's day
    end: int  # may exceed 24 * 60 when the window ends the next day
    start_date: DateParts | None = None
    end_date: DateParts | None = None
    text: str = ""

    @property
    def start_hhmm(self) -> str:
        return f"{self.start // 60:02d}:{self.start % 60:02d}"

    @property
    def end_label(self) -> str:
        prefix = "次日" if self.end >= 24 * 60 else ""
        end = self.end % (24 * 60)
        return f"{prefix}{end // 60:02d}:{end % 60:02d}"


class TimeError(ValueError):
    """A time window that looks like one but cannot be read; the message says why."""


# Inside brackets only, 8.30 is a time too: "(8.30—15.30)".
_DOT_POINT_RE = re.compile(
    rf"(?<!\d)(?:(?P<nd>{NEXT_DAY})\s*)?(?:{_MERIDIEM}\s*)?(?P<h>\d{{1,2}})\.(?P<m>\d{{2}})(?!\d)")


def _point_at(text: str, pos: int, dots: bool = False) -> tuple[Point, int] | None:
    date = None
    dm = _DATE_PREFIX.match(text, pos)
    start = pos
    if dm and (dm.group("m") or dm.group("m2")):
        date = _parts(dm)
        pos = dm.end()
    m = _POINT_RE.match(text, pos) or (_DOT_POINT_RE.match(text, pos) if dots else None)
    if not m:
        return None
    g = m.groupdict()
    minute = g.get("m") or g.get("m2") or g.get("m3")
    minute = 30 if g.get("half") else int(minute or 0)
    return Point(int(g["h"]), minute, g["mer"], bool(g["nd"]), date, text[start:m.end()]), m.end()


def _apply_meridiem(hour: int, meridiem: str | None) -> int:
    if meridiem in ("下午", "傍晚", "晚上", "夜间", "夜里", "晚") and hour < 12:
        return hour + 12
    return hour


def _window(first: Point, second: Point, text: str) -> TimeWindow:
    for point in (first, second):
        if point.hour > 24 or point.minute > 59 or (point.hour == 24 and point.minute):
            raise TimeError(f'has an impossible time "{point.text.strip()}"; expected hours '
                            "0–24 and minutes 0–59")
    start_h = _apply_meridiem(first.hour, first.meridiem)
    end_h = second.hour
    if second.meridiem:
        end_h = _apply_meridiem(end_h, second.meridiem)
    elif first.meridiem and start_h >= 12 and end_h < 12 and end_h + 12 > start_h:
        end_h += 12  # 下午2:00-5:00 means 14:00-17:00
    if start_h == 24:
        raise TimeError('starts at 24:00; expected "0:00" under the next day')
    start = start_h * 60 + first.minute
    end = end_h * 60 + second.minute
    if first.next_day:
        raise TimeError("starts on the next day; expected the window under the date it "
                        "starts on")
    if second.next_day:
        end += 24 * 60
    return TimeWindow(start, end, first.date, second.date or None, text)


def match_window(text: str, pos: int, dots: bool = False) -> tuple[TimeWindow, int] | None:
    """Match one time window (8:30—15:30, 22:00-次日6:00, 8时至12时) at ``pos``."""
    found = _point_at(text, pos, dots)
    if not found:
        return None
    first, after = found
    rng = _RANGE_RE.match(text, after)
    if not rng:
        return None
    found = _point_at(text, rng.end(), dots)
    if not found:
        return None
    second, end = found
    return _window(first, second, text[pos:end]), end


# Words around the times inside parentheses: "(停电时间：8:30—15:30)", "(8:00-12:00停电)".
_WINDOW_WORDS = re.compile(r"^\s*(?:计划)?(?:停电)?(?:时间|时段)\s*:?|(?:停电|检修|施工)\s*$")
_WHOLE_DAY = re.compile(r"\s*(?:全天|全日|整天)(?:停电)?\s*")


def parse_windows(content: str) -> list[TimeWindow] | None:
    """Read text that is only time windows, e.g. the inside of "(8:00—12:00，14:00—17:00)".

    Return None when the text is not (only) time windows; raise TimeError when it is
    clearly meant as times but cannot be used.
    """
    content = _WINDOW_WORDS.sub(lambda m: " " * len(m.group(0)), content)
    if _WHOLE_DAY.fullmatch(content):
        return [TimeWindow(0, 24 * 60, text=content.strip())]
    windows = []
    content_len = len(content.rstrip())
    pos = len(content) - len(content.lstrip())
    while pos < content_len:
        found = match_window(content, pos, dots=True)
        if not found:
            return None
        window, pos = found
        windows.append(window)
        sep = _LIST_SEP.match(content, pos)
        if sep and sep.end() > pos:
            pos = sep.end()
        elif pos < content_len:
            return None
    return windows or None
