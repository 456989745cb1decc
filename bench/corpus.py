"""Generate a deterministic content tree of N items for benchmarks and the search recall check.

    python bench/corpus.py --items 5000 --seed 1 --out /tmp/corpus

writes ``/tmp/corpus/content/{articles,tenders,outages}/*.md`` in this project's format (YAML
front matter, validated by the content model). ``--format pelican`` writes the same items in
Pelican's native Markdown metadata format (``Title:``/``Date:``/``Category:``/``Tags:``
headers, plain Markdown body) for a plain-Pelican comparison build.

``--vocabulary lexicon`` (the default) writes article titles and bodies as words sampled by
frequency from a real Chinese lexicon (jieba's dictionary, ``bench/lexicon.py``): thousands of
distinct characters, as a newspaper's text has. ``--vocabulary phrases`` writes them from the
small set of hand-typed phrases below (about 700 distinct characters; fast, for tests).

The mix follows a daily paper: per day one outage schedule (about ten windows), two articles
of about 1,500 characters and one tender, spread over every declared district. Place names
are real Ningbo towns and streets; villages, companies (with 10-digit customer numbers),
transformer boxes and roads are generated per town, so the same names recur across
schedules and articles as they do in real notices. The same ``--items`` and ``--seed`` give
byte-identical files.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import runpy
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from lexicon import Lexicon, distinct_characters, jieba_lexicon

ROOT = Path(__file__).resolve().parents[1]

# Real towns and streets (镇、街道、乡) of each district, as the power company names them.
TOWNS = {
    "海曙区": "石碶街道 集士港镇 高桥镇 横街镇 古林镇 洞桥镇 鄞江镇 章水镇 龙观乡 望春街道 "
             "西门街道 月湖街道 南门街道 白云街道 段塘街道 鼓楼街道",
    "江北区": "慈城镇 庄桥街道 洪塘街道 甬江街道 孔浦街道 文教街道 白沙街道 中马街道 前江街道",
    "鄞州区": "姜山镇 咸祥镇 瞻岐镇 塘溪镇 东吴镇 五乡镇 邱隘镇 云龙镇 横溪镇 首南街道 下应街道 "
             "钟公庙街道 中河街道 潘火街道 百丈街道 东胜街道 明楼街道 白鹤街道 福明街道 东柳街道",
    "镇海区": "骆驼街道 庄市街道 贵驷街道 澥浦镇 九龙湖镇 蛟川街道 招宝山街道",
    "北仑区": "大碶街道 新碶街道 小港街道 霞浦街道 柴桥街道 春晓街道 白峰街道 梅山街道 戚家山街道",
    "奉化区": "溪口镇 莼湖街道 西坞街道 江口街道 岳林街道 锦屏街道 萧王庙街道 松岙镇 裘村镇 "
             "大堰镇 尚田街道",
    "余姚市": "梨洲街道 凤山街道 阳明街道 兰江街道 泗门镇 马渚镇 陆埠镇 梁弄镇 大岚镇 四明山镇 "
             "丈亭镇 三七市镇 河姆渡镇 牟山镇 临山镇 黄家埠镇 小曹娥镇 朗霞街道 低塘街道",
    "慈溪市": "浒山街道 白沙路街道 古塘街道 坎墩街道 宗汉街道 观海卫镇 周巷镇 龙山镇 掌起镇 "
             "附海镇 桥头镇 匡堰镇 逍林镇 新浦镇 胜山镇 横河镇 崇寿镇 长河镇",
    "宁海县": "跃龙街道 桃源街道 梅林街道 桥头胡街道 长街镇 力洋镇 一市镇 岔路镇 前童镇 黄坛镇 "
             "大佳何镇 强蛟镇 西店镇 深甽镇 越溪乡 胡陈乡 茶院乡",
    "象山县": "丹东街道 丹西街道 爵溪街道 石浦镇 西周镇 鹤浦镇 贤庠镇 墙头镇 泗洲头镇 定塘镇 "
             "涂茨镇 大徐镇 新桥镇 东陈乡 晓塘乡 黄避岙乡 茅洋乡 高塘岛乡",
}

VILLAGE_FIRST = list("白红黄青金银新旧东西南北上下前后大小长高古石沙湖江塘桥山岙浦洋湾溪河田"
                     "李王张陈刘杨赵周吴徐孙朱胡郭何林罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕"
                     "蒋蔡贾丁魏薛叶余杜戴夏钟汪任姜范方石姚谭廖邹熊陆郝孔崔邱秦江史顾侯邵孟龙"
                     "万段钱汤尹黎易常武乔贺赖龚文庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍韦")
VILLAGE_SECOND = list("米家山湾浦岙桥塘洋溪河田墩岭坑头港林庄庙堰泾渡埠门洞舍宅园圩")
VILLAGE_MIDDLE = ["", "", "", "", "家", "湾", "山", "桥", "洋", "塘"]
COMPANY_WORDS = ("凯达 科达 爱科森 剑光明 广新 天升 嘉华 欣禾 芊诗虹 精英 诚辉 汇甬 万祺 君禾 通用 "
                 "给力 海灵 甬兴 东海 四明 镇海湾 北仑港 三江 天一 月湖 象山港 宁远 永兴 宏达 "
                 "华远 恒达 鸿运 振华 金鼎 银龙 瑞丰 德胜 盛发 兴业 富达 海天 长风 明州 慈孝 "
                 "新港 甬江 奉天 余舜 龙腾 宝龙 顺发 康达 美嘉 佳利 名扬 华丰 亿达 荣昌").split()
COMPANY_TRADES = ("汽车 纸制品 塑料 纳米材料 模具 电器 机械 五金 纺织 服装 食品 印染 电子 化工 "
                  "轴承 包装 水产 家具 灯具 文具 阀门 铸造 针织 工艺品 水泥制品").split()
COMPANY_FORMS = ["", "", "有限公司", "厂", "股份有限公司"]
ROAD_WORDS = ("解放 中山 人民 环城 江北 药行 开明 镇明 灵桥 百丈 天童 钱湖 四明 学士 曙光 "
              "新河 丽园 鄞县 兴宁 宁穿 通途 世纪 福明 桑田 惊驾 河清 翠柏 望春 青林 文昌").split()
ROAD_SUFFIX = ["路", "路", "街", "大道", "巷"]
BOX_PLACES = ("广场 小区 菜场 学校 医院 市场 公园 车站 码头 工业区 商城 新村 花园 公寓").split()
BOX_KINDS = ["号箱变", "号公变", "号专变", "号配变", "#变", "号环网柜"]
AREA_TAILS = ["", "", "", "一带", "部分", "周边"]

SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
                "于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲峰建国春梅志鹏宇浩"
             "博文斌晨辉鑫佳琳欣怡婷雪颖立鼎薇诗韵")

ARTICLE_TOPICS = [
    ("行政服务", "窗口 审批 办事 群众 企业 事项 材料 流程 一件事 最多跑一次 局长 坐班 服务中心"),
    ("城市建设", "道路 改造 工程 施工 管网 绿化 立面 交通 停车 小区 拆迁 征收 评估 安置"),
    ("民生保障", "社保 医保 养老 托育 就业 培训 补贴 救助 社区 志愿者 居家 食堂 老年人"),
    ("产业发展", "园区 企业 制造业 数字经济 招商 项目 投资 产值 专精特新 技改 供应链 外贸 港口"),
    ("乡村振兴", "村庄 农房 农田 合作社 民宿 农产品 集体经济 共富 乡贤 文化礼堂 水利 田园"),
    ("生态环境", "河道 治水 垃圾分类 空气 绿道 湿地 公园 生态 水质 节能 光伏 减排"),
    ("教育文化", "学校 学生 课堂 图书馆 博物馆 非遗 演出 展览 阅读 书香 研学 体育 赛事"),
    ("电力保障", "供电 电网 线路 变电站 检修 用电 负荷 迎峰度夏 配网 台区 抢修 电力"),
]
CONNECTIVES = ["同时", "此外", "据了解", "记者了解到", "与此同时", "另外", "目前", "截至目前",
               "下一步", "据介绍", "值得一提的是"]
VERBS = ["推进", "开展", "落实", "完成", "启动", "实施", "优化", "提升", "建设", "打造", "加强",
         "探索", "组织", "深化", "推动", "巩固", "协调", "保障"]
NOUN_TAILS = ["工作", "行动", "项目", "改革", "活动", "服务", "体系", "机制", "平台", "试点"]
QUOTES = ["下一步，我们将继续{v}{n}{t}，让群众有更多获得感。",
          "这项{t}的{v}，让{p}的居民感受到了实实在在的变化。",
          "我们要把{n}{t}做细做实，切实解决群众关心的问题。",
          "过去办这件事要跑好几趟，现在一次就办好了。"]


@dataclass
class Town:
    district: str
    name: str
    villages: list[str] = field(default_factory=list)
    companies: list[str] = field(default_factory=list)  # with customer numbers
    boxes: list[str] = field(default_factory=list)
    roads: list[str] = field(default_factory=list)


class Gazetteer:
    """The places of the generated city: each town's villages, companies, boxes and roads."""

    def __init__(self, rng: random.Random, districts: list[str]):
        self.rng = rng
        self.districts = [d for d in districts if d in TOWNS]
        self.towns: dict[str, list[Town]] = {}
        used_numbers: set[str] = set()
        used_villages: set[str] = set()
        for district in self.districts:
            towns = []
            for name in TOWNS[district].split():
                town = Town(district, name)
                for _ in range(rng.randint(5, 9)):
                    village = self._village()
                    while village in used_villages:
                        village = self._village()
                    used_villages.add(village)
                    town.villages.append(village)
                for _ in range(rng.randint(3, 6)):
                    number = f"500{rng.randint(0, 9_999_999):07d}"
                    while number in used_numbers:
                        number = f"500{rng.randint(0, 9_999_999):07d}"
                    used_numbers.add(number)
                    name = rng.choice(COMPANY_WORDS) + rng.choice(COMPANY_TRADES)
                    town.companies.append(name + rng.choice(COMPANY_FORMS) + number)
                for _ in range(rng.randint(2, 4)):
                    where = rng.choice([rng.choice(BOX_PLACES), rng.choice(town.villages)[:-1]])
                    town.boxes.append(f"{where}{rng.randint(1, 12)}{rng.choice(BOX_KINDS)}")
                for _ in range(rng.randint(1, 3)):
                    town.roads.append(rng.choice(ROAD_WORDS) + rng.choice(ROAD_SUFFIX))
                towns.append(town)
            self.towns[district] = towns

    def _village(self) -> str:
        rng = self.rng
        return (rng.choice(VILLAGE_FIRST) + rng.choice(VILLAGE_MIDDLE)
                + rng.choice(VILLAGE_SECOND) + "村")

    def town(self, district: str | None = None) -> Town:
        district = district or self.rng.choice(self.districts)
        return self.rng.choice(self.towns[district])


def person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


# Interchangeable phrasings, so that no template phrase recurs in every article (real news
# repeats itself far less than six fixed sentence forms would).
PHRASES = {
    "so_far": "今年已 年内已 目前已 截至上月已 上半年已 近三年已 去年以来已 这两年已".split(),
    "result": ("取得了阶段性成效 成效初步显现 收到明显效果 赢得群众点赞 进展总体顺利 "
               "形成了一批经验 走在全市前列 得到上级肯定").split(),
    "money": "累计投入资金 共投入 财政安排 先后投入 筹集资金 争取补助".split(),
    "smoother": "衔接更加顺畅 配合更加紧密 协同明显加强 联动更加高效 融合不断深化".split(),
    "faster": "效率提高了 用时缩短了 满意度提升了 覆盖面扩大了 办结率提高了".split(),
    "meeting": "推进会 现场会 协调会 部署会 座谈会 评审会 调度会 动员会".split(),
    "tasks": "重点任务 重点工作 具体举措 年度目标 攻坚项目 责任清单".split(),
    "about": "围绕 聚焦 紧扣 立足 针对 对照".split(),
    "covers": "涉及 覆盖 包括 涵盖 惠及".split(),
}


def _sentence(rng: random.Random, words: list[str], place: str) -> str:
    a, b, c = rng.sample(words, 3)
    verb, tail = rng.choice(VERBS), rng.choice(NOUN_TAILS)

    def say(key: str) -> str:
        return rng.choice(PHRASES[key])

    forms = [
        f"{rng.choice(CONNECTIVES)}，{place}{say('about')}{a}{tail}，{verb}{b}和{c}，"
        f"{say('result')}。",
        f"{place}{say('so_far')}{verb}{a}{tail}{rng.randint(2, 60)}项，{say('covers')}{b}、"
        f"{c}等多个方面。",
        f"“{rng.choice(QUOTES).format(v=verb, n=a, t=tail, p=place)}”{person(rng)}说。",
        f"在{b}方面，{place}{verb}{c}{tail}，{say('money')}{rng.randint(1, 900)}万元。",
        f"{rng.choice(CONNECTIVES)}，{a}与{b}{say('smoother')}，{c}{tail}{say('faster')}"
        f"{rng.randint(10, 80)}%。",
        f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日，{place}召开{a}{tail}{say('meeting')}，"
        f"部署{b}、{c}等{say('tasks')}。",
        f"{person(rng)}告诉记者，{b}{tail}{say('so_far')}惠及{rng.randint(100, 9000)}户群众。",
        f"{place}的{a}{tail}，{rng.choice(['下一步', '接下来', '今后'])}将与{c}同步{verb}。",
    ]
    return rng.choice(forms)


def article_body(rng: random.Random, gaz: Gazetteer, district: str, target: int = 1500,
                 lexicon: Lexicon | None = None) -> tuple[str, str]:
    """About ``target`` characters in paragraphs and one subheading, naming local places.

    With a ``lexicon`` the sentences are words sampled from it by frequency (the places are
    worked in); without one, they are the hand-typed phrase forms above.
    """
    topic, words = rng.choice(ARTICLE_TOPICS)
    words = words.split()
    town = gaz.town(district) if district in gaz.towns else gaz.town()
    places = [district, town.name, town.name, rng.choice(town.villages), town.district]
    paragraphs, length = [], 0
    while length < target:
        if lexicon is not None:
            text = lexicon.paragraph(rng, places)
        else:
            size = rng.randint(3, 6)
            text = "".join(_sentence(rng, words, rng.choice(places)) for _ in range(size))
        if rng.random() < 0.3:
            text += f"{rng.choice(town.villages)}、{rng.choice(town.roads)}一带的居民也从中受益。"
        paragraphs.append(text)
        length += len(text)
        if len(paragraphs) == 2:
            heading = (lexicon.words_text(rng, 2, 4) if lexicon is not None
                       else f"{rng.choice(words)}{rng.choice(NOUN_TAILS)}跑出“加速度”")
            paragraphs.append(f"## {heading}")
    return topic, "\n\n".join(paragraphs) + "\n"


@dataclass
class Item:
    kind: str
    slug: str
    date: dt.date
    meta: dict
    body: str


def make_article(rng, gaz, day: dt.date, serial: int, districts: list[str],
                 lexicon: Lexicon | None = None) -> Item:
    district = rng.choice(districts)
    topic, body = article_body(rng, gaz, district, lexicon=lexicon)
    town = gaz.town(district) if district in gaz.towns else gaz.town()
    if lexicon is not None:
        topic = lexicon.words_text(rng, 1, 2)
    title = rng.choice([
        f"{town.name}{rng.choice(VERBS)}{topic}新举措",
        f"{district}{topic}{rng.choice(NOUN_TAILS)}见实效",
        f"{rng.choice(town.villages)}：{topic}{rng.choice(NOUN_TAILS)}带来新变化",
        f"{topic}“{rng.choice(VERBS)}”，{district}这样做",
    ])
    names = [person(rng) for _ in range(rng.randint(1, 3))]
    meta = {
        "title": title,
        "date": dt.datetime.combine(day, dt.time(6, serial % 60)).strftime("%Y-%m-%d %H:%M"),
        "districts": [district] + ([town.district] if town.district != district else []),
        "authors": names,
        "source": {"paper": "宁波日报"},
        "tags": [topic],
    }
    return Item("articles", f"{day:%Y-%m-%d}-article-{serial:05d}", day, meta, body)


def make_tender(rng, gaz, day: dt.date, serial: int, districts: list[str],
                lexicon: Lexicon | None = None) -> Item:
    town = gaz.town()
    others = [d for d in districts if d not in gaz.towns]  # 全市 and any district without towns
    kind = rng.choice(["物业管理", "评估机构", "工程监理", "设计服务", "保洁服务", "安保服务"])
    project = rng.choice([f"{town.name}{rng.choice(town.villages)}", f"{town.name}",
                          f"{rng.choice(town.roads)}"]) + rng.choice(
        ["安置房", "综合整治", "道路改造", "文化礼堂", "农贸市场", "小区"]) + "项目"
    office = rng.choice(["房屋征收管理服务中心", "住房和城乡建设局"])
    issuer = rng.choice([f"宁波市{town.district}{office}", f"{town.district}{town.name}人民政府",
                         f"宁波{rng.choice(COMPANY_WORDS)}置业有限公司"])
    notice_type = "公开报名公告" if kind == "评估机构" else "招标公告"
    title = (f"关于{project}选定{kind}公开报名的公告" if notice_type == "公开报名公告"
             else f"{project}{kind}招标公告")
    start = dt.datetime.combine(day + dt.timedelta(days=rng.randint(1, 5)), dt.time(9, 0))
    end = start + dt.timedelta(days=rng.randint(0, 3), hours=8)
    contact = person(rng)
    phone = f"{rng.choice(['8', '13', '15'])}{rng.randint(0, 10**7 - 1):07d}"
    phone = phone if phone.startswith("8") else phone + f"{rng.randint(0, 9)}{rng.randint(0, 9)}"
    requirements = [
        f"具有{rng.choice(['三级', '二级', '一级'])}以上{kind}资质，信誉良好，无不良信用记录。",
        f"近三年在宁波市范围内承担过类似{kind}业务不少于{rng.randint(1, 5)}项。",
    ]
    body = "\n\n".join([
        f"{project}已经批准实施，现对{kind}进行{notice_type[:-2]}，欢迎符合条件的单位报名。",
        f"1. 项目基本情况：本项目位于{town.district}{town.name}，涉及{rng.choice(town.villages)}等"
        f"{rng.randint(2, 9)}个村（社区），总建筑面积约"
        f"{rng.randint(1, 30)}.{rng.randint(0, 9)}万平方米。",
        f"2. 资质要求：{requirements[0]}",
        f"3. 报名时间：{start:%Y年%-m月%-d日}—{end:%Y年%-m月%-d日}。",
        f"4. 报名地点：{issuer}（{rng.choice(town.roads)}{rng.randint(1, 300)}号）",
        f"联系人：{contact} 联系电话：{phone}",
    ]) + "\n"
    meta = {
        "title": title,
        "date": dt.datetime.combine(day, dt.time(7, serial % 60)).strftime("%Y-%m-%d %H:%M"),
        "notice_type": notice_type,
        "districts": [town.district] if rng.random() > 0.05 or not others else others[:1],
        "issuer": issuer,
        "project": project,
        "requirements": requirements,
        "registration": [{"start": start.strftime("%Y-%m-%d %H:%M"),
                          "end": end.strftime("%Y-%m-%d %H:%M"),
                          "place": f"{issuer}（{rng.choice(town.roads)}{rng.randint(1, 300)}号）"}],
        "contacts": [{"name": contact, "phone": phone}],
        "fees": rng.choice(["免费", "按国家有关规定执行",
                            f"每份{rng.randint(2, 10)}00元，售后不退"]),
    }
    return Item("tenders", f"{day:%Y-%m-%d}-tender-{serial:05d}", day, meta, body)


def _areas(rng: random.Random, town: Town) -> list[str]:
    pools = [town.villages, town.companies, town.boxes, town.roads]
    weights = [5, 4, 2, 1]
    areas: list[str] = []
    for _ in range(rng.choices([1, 2, 3, 4, 5, 6], [3, 3, 3, 2, 1, 1])[0]):
        pool = rng.choices(pools, weights)[0]
        name = rng.choice(pool)
        if pool is town.villages:
            name += rng.choice(AREA_TAILS)
        if name not in areas:
            areas.append(name)
    return areas


def _window(rng: random.Random, gaz: Gazetteer, day: dt.date, districts: list[str]) -> dict:
    town = gaz.town(rng.choice(districts))
    if rng.random() < 0.05:
        start, end = "22:00", f"次日0{rng.randint(4, 6)}:00"
    else:
        start_minutes = rng.choice(range(7 * 60, 10 * 60, 30))
        end_minutes = start_minutes + rng.choice(range(4 * 60, 9 * 60 + 1, 30))
        start = f"{start_minutes // 60:02d}:{start_minutes % 60:02d}"
        end = f"{end_minutes // 60:02d}:{end_minutes % 60:02d}"
    window = {"date": day, "district": town.district}
    if rng.random() < 0.85:
        window["town"] = town.name
    window["areas"] = _areas(rng, town)
    window["start"], window["end"] = start, end
    return window


def make_outage(rng, gaz, day: dt.date, serial: int, districts: list[str],
                lexicon: Lexicon | None = None) -> Item:
    first = day + dt.timedelta(days=7)
    days = [first + dt.timedelta(days=i) for i in range(5)]
    # A schedule covers a few districts, as the power company's column does (the seed: two).
    covered = rng.sample(gaz.districts, rng.randint(2, 4))
    windows = [_window(rng, gaz, rng.choice(days), covered) for _ in range(rng.randint(8, 12))]
    windows.sort(key=lambda w: (w["date"], w["district"], w["start"]))
    last = days[-1]
    span = f"{last.day}日" if last.month == first.month else f"{last.month}月{last.day}日"
    meta = {
        "title": f"计划停电预告（{first.month}月{first.day}日—{span}）",
        "date": dt.datetime.combine(day, dt.time(8, serial % 60)).strftime("%Y-%m-%d %H:%M"),
        "source": {"name": "宁波供电公司", "url": "http://95598.zj.sgcc.com.cn"},
        "windows": windows,
    }
    if rng.random() < 0.1:
        meta["cancelled"] = [_window(rng, gaz, day + dt.timedelta(days=rng.randint(1, 4)),
                                     covered)]
    body = "宁波供电公司\n"
    return Item("outages", f"{day:%Y-%m-%d}-outage-{serial:05d}", day, meta, body)


VOCABULARIES = ("lexicon", "phrases")


def generate(items: int, seed: int, districts: list[str],
             vocabulary: str = "lexicon") -> list[Item]:
    """Return ``items`` items for a seed: each day a schedule, two articles and a tender."""
    if vocabulary not in VOCABULARIES:
        raise ValueError(f"vocabulary {vocabulary!r} is not one of {VOCABULARIES}")
    lexicon = jieba_lexicon() if vocabulary == "lexicon" else None
    rng = random.Random(seed)
    gaz = Gazetteer(rng, districts)
    plan = ["outages", "articles", "tenders", "articles"]
    makers = {"articles": make_article, "tenders": make_tender, "outages": make_outage}
    start = dt.date(2019, 1, 1)
    out = []
    for serial in range(items):
        day = start + dt.timedelta(days=serial // len(plan))
        kind = plan[serial % len(plan)]
        out.append(makers[kind](rng, gaz, day, serial, districts, lexicon))
    return out


# ---------------------------------------------------------------------------
# Writers


class _PlainDumper(yaml.SafeDumper):
    """Write repeated values (the same window date) in full rather than as YAML aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def _yaml(meta: dict) -> str:
    return yaml.dump(meta, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False,
                     width=1000, default_flow_style=False)


def write_notices(item: Item) -> str:
    """This project's format: YAML front matter between --- fences, Markdown body."""
    return f"---\n{_yaml(item.meta)}---\n\n{item.body}"


def _window_line(window: dict) -> str:
    where = window["district"] + (window.get("town") or "")
    return (f"- {window['date']:%-m月%-d日} {window['start']}—{window['end']} {where}："
            f"{'、'.join(window['areas'])}")


def write_pelican(item: Item) -> str:
    """Pelican's native Markdown metadata: Title/Date/Category/Tags headers, plain body."""
    meta = item.meta
    districts = meta.get("districts") or sorted(
        {w["district"] for w in meta.get("windows", []) + meta.get("cancelled", [])})
    lines = [f"Title: {meta['title']}", f"Date: {meta['date']}", f"Category: {item.kind}",
             # Districts only: they are the tags this site lists and feeds (like for like); the
             # topic tags of articles get no page or feed here (and, drawn from a real lexicon,
             # two of them can share a slug, which stops Pelican).
             f"Tags: {', '.join(districts)}", f"Slug: {item.slug}"]
    if meta.get("authors"):
        lines.append(f"Authors: {', '.join(meta['authors'])}")
    body = item.body
    if item.kind == "outages":
        body = "\n".join(_window_line(w) for w in meta["windows"]) + "\n"
        if meta.get("cancelled"):
            body += "\n## 取消\n\n" + "\n".join(_window_line(w) for w in meta["cancelled"]) + "\n"
    elif item.kind == "tenders":
        body = (f"**招标单位**：{meta['issuer']}\n\n**项目**：{meta['project']}\n\n"
                + "\n".join(f"- {r}" for r in meta["requirements"]) + "\n\n" + body)
    return "\n".join(lines) + "\n\n" + body


def declared_districts(settings_file: Path) -> list[str]:
    """The district names declared in DISTRICTS of a settings file."""
    return [d["name"] for d in runpy.run_path(str(settings_file))["DISTRICTS"]]


def write_corpus(out: Path, items: int, seed: int, fmt: str = "notices",
                 settings_file: Path = ROOT / "pelicanconf.py",
                 vocabulary: str = "lexicon") -> Path:
    """Write the corpus under ``out/content`` (replacing it); return that folder."""
    content = out / "content"
    if content.exists():
        shutil.rmtree(content)
    writer = write_notices if fmt == "notices" else write_pelican
    for item in generate(items, seed, declared_districts(settings_file), vocabulary):
        path = content / item.kind / f"{item.slug}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(writer(item), encoding="utf-8")
    return content


def corpus_characters(content: Path) -> int:
    """Distinct non-ASCII characters in a written corpus (printed by the benchmarks)."""
    return distinct_characters(p.read_text("utf-8") for p in sorted(content.rglob("*.md")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=5000, help="number of items (default 5000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True,
                        help="folder to write content/ into (its content/ is replaced)")
    parser.add_argument("--format", choices=["notices", "pelican"], default="notices",
                        help="notices: YAML front matter (default); pelican: Pelican metadata")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py",
                        help="settings file whose DISTRICTS are used")
    parser.add_argument("--vocabulary", choices=VOCABULARIES, default="lexicon",
                        help="lexicon: article text sampled from jieba's dictionary by word "
                             "frequency (default); phrases: the small hand-typed phrase set")
    args = parser.parse_args(argv)
    if args.items < 1:
        parser.error("--items must be at least 1")
    content = write_corpus(args.out, args.items, args.seed, args.format, args.settings,
                           args.vocabulary)
    print(f"Wrote {args.items} items to {content} ({args.vocabulary} vocabulary, "
          f"{corpus_characters(content):,} distinct characters)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
