"""A generated station for the benchmarks: N cases bulk-inserted into a real store.

The store is made by ``create_store(demo=True)`` and set up by ``set_up_station`` (so the schema,
the triggers that feed the FTS5 index and the reference codes are the real ones); then users,
businesses, cases, parties and history go in with ``executemany`` through SQLAlchemy Core, in big
transactions. Nothing here goes through the services case by case: at 200,000 cases that would
take hours.

The text is Chinese and shaped like a real station's: a case's request and facts are 60-300
characters built from sentences about a purchase, its problem, the talks with the business and
the evidence; complainants have names, mobile numbers and addresses from all over China;
respondents are businesses around West Lake with credit codes. ``search_text`` is built by the
app's own ``refresh_search_text``, so it holds exactly what the real one holds, in its order.
Everything comes from one seeded ``random.Random``: the same N and seed give the same station.
"""

import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from types import SimpleNamespace

from sqlalchemy import insert, text

from app.demo import DEMO_SETUP, GIVEN, STREETS, SURNAMES
from app.domain import clock
from app.domain.rules import rule_for
from app.domain.validators import CREDIT_CODE_CHARS, credit_check_char
from app.domain.vocabulary import CaseKind, CaseState, Channel, PartyRole, UserRole
from app.models.case import Business, Case, Party
from app.models.history import HistoryEntry
from app.models.station import NumberSequence, User
from app.models.store import Store
from app.services.search import refresh_search_text
from app.services.station import set_up_station

DATA_VERSION = 2  # bump when a change here changes the generated data, so old work folders are rebuilt
YEARS_OF_CASES = 5
BATCH = 10_000  # cases per transaction
BUSINESSES_PER_1000_CASES = 25

# --- vocabulary ---------------------------------------------------------------------------------

# fmt: off
PLACES = ["湖滨", "龙井", "灵隐", "河坊", "断桥", "宋城", "西溪", "曲院", "南山", "北山", "吴山", "梅家坞", "九溪",
    "满觉陇", "杨公堤", "虎跑", "孤山", "苏堤", "钱塘", "之江", "武林", "凤起", "清河坊", "南宋御街", "雷峰",
    "三台山", "茅家埠", "龙坞"]
BRANDS = ["金鼎", "御茶", "锦绣", "天香", "福源", "和丰", "聚宝", "雅居", "悦来", "同福", "汇丰", "恒顺", "瑞祥",
    "宝庆", "青藤", "云栖", "听涛", "望湖", "半山", "知味", "江南", "新丰", "隆昌", "荣记", "老街", "东坡", "白沙",
    "翠竹", "明珠", "嘉禾", "慧心", "尚品", "优选", "星河", "晓风", "清源", "湖光"]
# fmt: on
# (trade, category code, products)
TRADES = [
    ("茶叶店", "G01", ["明前龙井", "西湖龙井", "白茶礼盒", "九曲红梅", "径山茶", "杭白菊"]),
    ("特产店", "G01", ["西湖藕粉", "桂花糕", "定胜糕", "酱鸭", "笋干", "东坡肉真空包"]),
    ("玉器行", "G07", ["和田玉手镯", "翡翠吊坠", "玛瑙手串", "羊脂玉佩"]),
    ("珠宝店", "G07", ["足金项链", "足金手镯", "钻石戒指", "珍珠耳环", "纯银手链"]),
    ("丝绸店", "G02", ["真丝围巾", "桑蚕丝睡衣", "丝绸旗袍", "真丝领带", "刺绣丝巾"]),
    ("服装店", "G02", ["羽绒服", "运动鞋", "冲锋衣", "连衣裙", "真皮皮鞋"]),
    ("纪念品店", "G09", ["檀香扇", "油纸伞", "冰箱贴", "手工刺绣挂画", "竹编工艺品"]),
    ("数码店", "G06", ["智能手机", "蓝牙耳机", "平板电脑", "智能手表", "充电宝", "运动相机"]),
    ("家电商场", "G05", ["变频空调", "滚筒洗衣机", "对开门冰箱", "燃气热水器", "扫地机器人"]),
    ("超市", "G01", ["进口牛奶", "冷鲜肉", "散装坚果", "速冻水饺", "食用油"]),
    ("大药房", "G11", ["保健品", "电子血压计", "医用口罩", "中药饮片"]),
    ("眼镜店", "G09", ["近视眼镜", "太阳镜", "隐形眼镜"]),
    ("酒行", "G08", ["白酒", "绍兴黄酒礼盒", "进口红酒"]),
    ("餐馆", "S02", ["双人套餐", "家庭套餐", "西湖醋鱼", "龙井虾仁", "叫花鸡"]),
    ("小吃店", "S02", ["小笼包", "葱包桧", "片儿川", "猫耳朵"]),
    ("民宿", "S02", ["湖景大床房", "家庭套房", "标准间"]),
    ("酒店", "S02", ["豪华双床房", "行政套房", "含早客房"]),
    ("旅行社", "S04", ["一日游线路", "三日游套餐", "研学旅行", "跟团游"]),
    ("游船公司", "S04", ["游船船票", "画舫包船", "夜游船票"]),
    ("观光车服务部", "S05", ["观光车票", "电瓶车环湖票"]),
    ("汽车租赁公司", "S05", ["租车服务", "包车服务"]),
    ("摄影工作室", "S01", ["旅拍套餐", "汉服写真", "婚纱照套餐"]),
    ("演艺票务代售点", "S01", ["演出门票", "实景演出贵宾票"]),
    ("美容院", "S03", ["美容年卡", "祛斑疗程", "护肤套餐"]),
    ("美发店", "S03", ["烫染套餐", "美发储值卡"]),
    ("健身房", "S01", ["健身年卡", "私教课程"]),
    ("培训学校", "S06", ["少儿美术课", "英语培训课程", "编程课程"]),
    ("物业公司", "S10", ["物业服务", "停车服务"]),
    ("装饰工程公司", "S10", ["全屋装修", "厨卫翻新"]),
    ("网络科技公司", "S08", ["会员服务", "在线课程", "游戏充值"]),
]
# fmt: off
REGIONS = ["浙江省杭州市西湖区", "浙江省杭州市上城区", "浙江省杭州市拱墅区", "浙江省杭州市滨江区",
    "浙江省杭州市余杭区", "浙江省宁波市鄞州区", "浙江省温州市鹿城区", "浙江省绍兴市越城区", "浙江省嘉兴市南湖区",
    "浙江省金华市婺城区", "上海市浦东新区", "上海市徐汇区", "江苏省南京市鼓楼区", "江苏省苏州市姑苏区",
    "江苏省无锡市梁溪区", "安徽省合肥市蜀山区", "江西省南昌市东湖区", "福建省福州市鼓楼区", "广东省广州市天河区",
    "广东省深圳市南山区", "北京市朝阳区", "北京市海淀区", "天津市和平区", "山东省济南市历下区", "河南省郑州市金水区",
    "湖北省武汉市武昌区", "湖南省长沙市岳麓区", "四川省成都市锦江区", "重庆市渝中区", "陕西省西安市雁塔区"]
ROADS = STREETS + ["中山路", "解放路", "人民路", "建设路", "文化路", "和平路", "长江路", "黄河路", "学院路",
    "新华路", "东风路", "胜利路"]
COMMUNITIES = ["阳光花园", "翠苑小区", "锦绣家园", "金色港湾", "绿城桂花园", "东方名苑", "幸福里", "望江公寓",
    "香樟苑", "紫金花园"]
PLATFORMS = ["美团", "大众点评", "携程", "飞猪", "抖音直播间", "微信小程序", "淘宝店铺", "京东"]
DEFECTS = ["开裂", "褪色", "掉色", "漏水", "黑屏", "无法开机", "异响", "起球", "脱线", "断裂", "变形", "发霉",
    "漏电", "卡顿", "无法充电"]
EXCUSES = ["商品已拆封", "特价商品不退不换", "已超过七天", "需要厂家鉴定", "店长不在无法做主", "系统无法操作退款"]
CLAIMS = [("纯手工制作", "机器加工"), ("天然A货", "染色石英岩"), ("百分百桑蚕丝", "涤纶"), ("明前头采", "普通炒青"),
    ("足金", "镀金"), ("野生", "养殖")]
SYMPTOMS = ["腹痛腹泻", "呕吐发热", "皮肤过敏", "头晕恶心"]
HOSPITALS = ["浙江大学医学院附属第一医院", "杭州市第一人民医院", "西湖区人民医院", "浙江省中医院",
    "杭州市红十字会医院"]
REPLIES = ["先是答应退款后又反悔", "一直以各种理由推脱", "拒接电话", "表示只能换货不能退款",
    "要求投诉人自行承担检测费用", "称当班店员已离职无法核实", "只同意退还一半款项", "称需要向总部申请，此后再无回复"]
EVIDENCE = ["购物小票", "付款截图", "聊天记录", "现场照片", "检测报告", "病历和发票", "合同复印件", "通话录音",
    "订单截图"]
PROMISES = ["七天内无理由退货", "假一赔十", "保修三年", "包邮到家", "不满意全额退款", "赠送同款配件"]
CLOSINGS = ["现请求服务站依法调解。", "请求依法处理，维护消费者合法权益。", "希望尽快妥善解决。",
    "请求督促商家履行承诺。"]
VIOLATIONS = ["销售无中文标识的进口食品", "使用未经检定的电子秤", "后厨卫生条件差、食品原料过期", "销售过期食品",
    "以低价团游为名强制游客购物", "未明码标价", "虚构原价进行促销", "无证经营", "销售三无产品", "发布虚假广告"]
TOPICS = ["网购商品七日无理由退货的规定", "预付卡余额能否退还", "景区门票优惠政策", "食品标签的标注要求",
    "三倍赔偿的适用条件", "商品三包期限如何计算", "定金和订金的区别", "投诉处理的时限"]
# fmt: on


def _person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"


def _address(rng: random.Random, region: str | None = None) -> str:
    region = region or rng.choice(REGIONS)
    if rng.random() < 0.5:
        return f"{region}{rng.choice(ROADS)}{rng.randint(1, 999)}号"
    return f"{region}{rng.choice(COMMUNITIES)}{rng.randint(1, 30)}幢{rng.randint(1, 30)}0{rng.randint(1, 4)}室"


def _credit_code(rng: random.Random) -> str:
    body = "9133" + "0106" + "".join(rng.choice(CREDIT_CODE_CHARS) for _ in range(9))
    return body + credit_check_char(body)


def _day(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


Maker = Callable[[], str]


def _fit(first: list[str], makers: list[Maker], low: int, high: int, rng: random.Random) -> str:
    """``first``, then sentences from ``makers`` (each once, then any again) to a length in [low, high]."""
    target = rng.randint(low, high)
    out = "".join(first)
    order = list(makers)
    while len(out) < target:
        out += (order.pop(0) if order else rng.choice(makers))()
    if len(out) > high:
        cut = out.rfind("。", 0, high)
        out = out[: cut + 1] if cut >= low else out[: high - 1] + "。"
    return out


# --- one case's text ----------------------------------------------------------------------------


@dataclass
class Firm:
    id: int
    name: str
    trade: int
    address: str
    credit_code: str
    legal_representative: str
    contact: str | None


def _problem_sentence(rng: random.Random, problem: str, product: str) -> str:
    n, a2 = rng.randint(1, 30), rng.randint(20, 2000)
    if problem == "P01":
        return f"使用不到{n}天即出现{rng.choice(DEFECTS)}问题。"
    if problem == "P02":
        return f"投诉人要求退换货，商家以{rng.choice(EXCUSES)}为由拒绝。"
    if problem == "P03":
        return f"结账时发现实际收费比标价多{a2}元，商家称{product}按每两计价。"
    if problem == "P04":
        return f"商家未按合同约定履行，原定{rng.randint(1, 12)}月{rng.randint(1, 28)}日的服务被临时取消。"
    if problem == "P05":
        return f"使用过程中突然冒烟起火，致投诉人手部烫伤，花费医药费{a2}元。"
    if problem == "P06":
        return f"回家复称发现实际重量短少{rng.randint(1, 5)}两，商家电子秤疑似被改动。"
    if problem in ("P07", "P08"):
        claim, truth = rng.choice(CLAIMS)
        return f"商家宣称{product}为{claim}，经检测实为{truth}。"
    if problem == "P09":
        return f"食用后出现{rng.choice(SYMPTOMS)}，前往{rng.choice(HOSPITALS)}就诊，花费{a2}元。"
    return f"商家服务态度恶劣，店员{_person_name(rng)}与投诉人发生争执。"


def _evidence(rng: random.Random, who: str) -> str:
    return f"{who}提供了{'、'.join(rng.sample(EVIDENCE, rng.randint(1, 3)))}。"


def _complaint_text(
    rng: random.Random, firm: Firm, product: str, problem: str, amount: int, bought: date
) -> tuple[str, str]:
    how = rng.random()
    if how < 0.5:
        opening = f"{_day(bought)}，投诉人在{firm.name}购买{product}，支付{amount}元。"
    elif how < 0.8:
        opening = f"{_day(bought)}，投诉人通过{rng.choice(PLATFORMS)}在{firm.name}预订{product}，实付{amount}元。"
    else:
        opening = f"投诉人一家于{_day(bought)}来杭旅游，在{rng.choice(PLACES)}附近的{firm.name}消费{product}，共计{amount}元。"
    later = lambda: _day(bought + timedelta(days=rng.randint(1, 30)))
    facts = _fit(
        [opening, _problem_sentence(rng, problem, product)],
        [
            lambda: f"事后投诉人多次联系商家，商家{rng.choice(REPLIES)}。",
            lambda: _evidence(rng, "投诉人"),
            lambda: f"购买时店员{_person_name(rng)}曾承诺{rng.choice(PROMISES)}。",
            lambda: _problem_sentence(rng, rng.choice(("P01", "P02", "P03", "P04")), product),
            lambda: f"投诉人于{later()}再次到店协商，仍未解决。",
            lambda: f"{later()}，投诉人拨打12315热线反映，工单转至本站。",
            lambda: (
                f"商家负责人{_person_name(rng)}称{rng.choice(EXCUSES)}，不同意{rng.choice(('退款', '赔偿', '换货'))}。"
            ),
            lambda: rng.choice(CLOSINGS),
        ],
        60,
        300,
        rng,
    )
    clauses = [
        f"退还货款{amount}元",
        f"按价款三倍赔偿{amount * 3}元",
        "赔礼道歉",
        f"承担检测费用{rng.randint(100, 800)}元",
        f"更换同型号新的{product}",
        f"赔偿误工费、交通费共计{rng.randint(100, 3000)}元",
        "作出书面说明并保证不再发生",
        "退还定金",
    ]
    rng.shuffle(clauses)
    numbered = [f"{i}.要求{firm.name}{c}；" for i, c in enumerate(clauses[: rng.randint(1, 4)], 1)]
    request = _fit(
        numbered,
        [
            lambda: "依据《中华人民共和国消费者权益保护法》第二十四条，经营者应当承担退货责任。",
            lambda: "经营者提供商品有欺诈行为，应当按照消费者的要求增加赔偿其受到的损失。",
            lambda: f"如商家不同意调解，投诉人将向{rng.choice(('人民法院', '市场监督管理局', '消费者协会'))}寻求解决。",
            lambda: f"另要求商家于{rng.randint(3, 15)}日内答复。",
            lambda: f"投诉人为此往返{rng.randint(2, 6)}次，支出交通费{rng.randint(20, 500)}元，一并要求赔偿。",
        ],
        60,
        300,
        rng,
    )
    return request, facts


def _report_text(rng: random.Random, firm: Firm, seen: date) -> tuple[str, str]:
    violation = rng.choice(VIOLATIONS)
    request = _fit(
        [f"请求对{firm.name}{violation}的行为依法查处。"],
        [
            lambda: "请按规定给予举报奖励。",
            lambda: f"举报人{rng.choice(('要求', '不要求'))}对个人信息保密。",
            lambda: "望尽快核查并告知处理结果。",
            lambda: f"举报人愿意配合调查，联系时间为工作日{rng.randint(8, 17)}点以后。",
        ],
        60,
        300,
        rng,
    )
    facts = _fit(
        [f"{_day(seen)}，举报人在{firm.name}发现{violation}。"],
        [
            lambda: _evidence(rng, "举报人"),
            lambda: f"该店位于{firm.address}，营业时间人流量大，已有多名游客受骗。",
            lambda: f"举报人称店员{_person_name(rng)}在现场拒绝出示营业执照。",
            lambda: f"举报人于{_day(seen + timedelta(days=rng.randint(1, 5)))}再次前往，情况依旧。",
            lambda: "请求依法查处。",
        ],
        60,
        300,
        rng,
    )
    return request, facts


def _inquiry_text(rng: random.Random, asker: str) -> tuple[str, str]:
    topic = rng.choice(TOPICS)
    request = _fit(
        [f"咨询{topic}。"],
        [
            lambda: f"咨询人希望了解{rng.choice(TOPICS)}。",
            lambda: "并询问可否由服务站出具书面答复。",
            lambda: "咨询人表示如有需要将另行投诉。",
            lambda: "咨询人要求工作人员电话回复。",
        ],
        60,
        300,
        rng,
    )
    facts = _fit(
        [f"咨询人{asker}来电询问{topic}，"],
        [
            lambda: f"称其{rng.randint(1, 12)}月在景区消费时遇到类似问题。",
            lambda: "工作人员已告知相关法律规定。",
            lambda: f"咨询人还询问了{rng.choice(TOPICS)}。",
            lambda: "咨询人表示满意。",
            lambda: "并留下联系电话以便回访。",
        ],
        60,
        300,
        rng,
    )
    return request, facts


# --- states and history -------------------------------------------------------------------------

# fmt: off
FINAL_FIELDS = ("decided_on", "refusal_ground", "refusal_reason", "mediation_started_on", "outcome_on",
    "agreement_terms", "agreement_document", "amount_recovered", "termination_ground", "termination_reason",
    "termination_notified_on", "withdrawal_reason", "report_decision_reason", "answer", "closed_on", "void_reason")
# fmt: on


@dataclass
class Progress:
    state: CaseState
    fields: dict = field(default_factory=dict)
    steps: list[tuple[str, dict]] = field(default_factory=list)

    def step(self, action: str, state: CaseState | None = None, **changes) -> None:
        if state is not None:
            changes["state"] = [self.state.value, state.value]
            self.state = state
        self.steps.append((action, changes))


def _complaint_progress(rng: random.Random, received: date, today: date, amount: int) -> Progress:
    age = (today - received).days
    p = Progress(CaseState.REGISTERED)
    if age < 2 or (age < 10 and rng.random() < 0.4):
        return p
    if rng.random() < 0.01:
        p.fields["void_reason"] = "重复登记"
        p.step("void", CaseState.VOIDED)
        return p
    decided = min(received + timedelta(days=rng.randint(1, 5)), today)
    p.fields["decided_on"] = decided
    if rng.random() < 0.08:
        p.fields.update(refusal_ground=rng.choice((1, 3, 4)), refusal_reason="经核实不符合受理条件")
        p.step("refuse", CaseState.NOT_ACCEPTED)
    else:
        p.step("accept", CaseState.ACCEPTED, decided_on=[None, decided.isoformat()])
        p.fields["mediation_started_on"] = decided
        p.step("record_session", CaseState.MEDIATING)
        if age < 45 and rng.random() < 0.7:
            return p
        outcome = min(decided + timedelta(days=rng.randint(1, 40)), today)
        p.fields["outcome_on"] = outcome
        roll = rng.random()
        if roll < 0.7:
            recovered = rng.randint(1, max(1, amount))
            p.fields.update(
                agreement_terms=f"被投诉人于三日内退还投诉人 {recovered} 元。\n投诉人退回所购商品。",
                agreement_document=rng.random() < 0.6,
                amount_recovered=Decimal(recovered),
            )
            p.step("record_agreement", CaseState.AGREED, amount_recovered=[None, str(recovered)])
            if rng.random() < 0.6:
                p.step("follow_up", CaseState.FOLLOWED_UP)
        elif roll < 0.85:
            p.fields.update(termination_ground=3, termination_reason="被投诉人明确表示不接受调解方案")
            p.fields["termination_notified_on"] = min(outcome + timedelta(days=rng.randint(1, 5)), today)
            p.step("terminate", CaseState.TERMINATED)
            p.step("notify_termination")
        else:
            p.fields["withdrawal_reason"] = "投诉人与商家自行和解"
            p.step("withdraw", CaseState.WITHDRAWN)
    if age > 60 and rng.random() < 0.9:
        p.fields["closed_on"] = min(received + timedelta(days=rng.randint(50, 90)), today)
        p.step("close", CaseState.CLOSED)
    return p


def _report_progress(rng: random.Random, received: date, today: date) -> Progress:
    age = (today - received).days
    p = Progress(CaseState.REGISTERED)
    if age < 3:
        return p
    p.step("start_check", CaseState.CHECKING)
    if age < 30:
        return p
    filed = rng.random() < 0.4
    p.fields["report_decision_reason"] = "经核查，存在违法行为" if filed else "经核查，未发现违法行为"
    p.step("decide_filing", CaseState.FILED if filed else CaseState.NOT_FILED)
    if age > 90:
        p.fields["closed_on"] = received + timedelta(days=rng.randint(40, 90))
        p.step("close", CaseState.CLOSED)
    return p


def _inquiry_progress(rng: random.Random, received: date, today: date) -> Progress:
    p = Progress(CaseState.REGISTERED)
    if (today - received).days < 1:
        return p
    p.fields["answer"] = "已当场解答并告知相关规定。"
    p.step("answer", CaseState.ANSWERED)
    if (today - received).days > 30:
        p.fields["closed_on"] = received + timedelta(days=rng.randint(1, 30))
        p.step("close", CaseState.CLOSED)
    return p


# --- the station --------------------------------------------------------------------------------


@dataclass
class Generator:
    """Makes the rows of one station, batch by batch, from one seeded generator."""

    cases: int
    seed: int
    now: datetime = field(default_factory=clock.now)

    def __post_init__(self):
        self.rng = random.Random(self.seed)
        self.today = clock.local_date(self.now)
        self.firms: list[Firm] = []
        self.users: list[tuple[int, str, str]] = []
        self.sequences: dict[tuple[str, int], int] = {}
        self.next_party_id = 1
        self.next_history_id = 1

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def user_rows(self, first_id: int) -> list[dict]:
        rows = []
        for i in range(8):
            name = _person_name(self.rng)
            user_id, username = first_id + i, f"mediator{i + 1}"
            self.users.append((user_id, username, name))
            rows.append(
                {
                    "id": user_id,
                    "username": username,
                    "display_name": name,
                    "role": UserRole.MEDIATOR.value,
                    "password_hash": "bench-user-no-login",
                    "active": True,
                    "created_at": self.now,
                }
            )
        return rows

    def business_rows(self) -> list[dict]:
        count = max(50, self.cases * BUSINESSES_PER_1000_CASES // 1000)
        names = set()
        while len(self.firms) < count:
            trade = self.rng.randrange(len(TRADES))
            name = f"{self.rng.choice(PLACES)}{self.rng.choice(BRANDS)}{TRADES[trade][0]}"
            if self.rng.random() < 0.2:
                name = "杭州" + name
            if name in names:
                continue
            names.add(name)
            self.firms.append(
                Firm(
                    id=len(self.firms) + 1,
                    name=name,
                    trade=trade,
                    address=f"浙江省杭州市西湖区{self.rng.choice(ROADS)}{self.rng.randint(1, 300)}号",
                    credit_code=_credit_code(self.rng),
                    legal_representative=_person_name(self.rng),
                    contact=f"0571-8{self.rng.randrange(10**7):07d}" if self.rng.random() < 0.6 else None,
                )
            )
        return [
            {
                "id": f.id,
                "name": f.name,
                "credit_code": f.credit_code,
                "address": f.address,
                "legal_representative": f.legal_representative,
                "contact": f.contact,
            }
            for f in self.firms
        ]

    def arrivals(self) -> list[datetime]:
        """When each case was received: spread over the years, office hours, oldest first."""
        first = self.today - timedelta(days=365 * YEARS_OF_CASES)
        span = (self.today - first).days
        moments = []
        for _ in range(self.cases):
            day = first + timedelta(days=int(self.rng.random() * (span + 1)))
            at = datetime.combine(
                day, time(self.rng.randint(8, 17), self.rng.randint(0, 59), self.rng.randint(0, 59)), tzinfo=clock.CHINA
            )
            moments.append(min(at, self.now - timedelta(minutes=30)))
        return sorted(moments)

    def _firm(self) -> Firm:
        """Half the cases go to a long-tailed few businesses (as in life), half to anyone."""
        if self.rng.random() < 0.5:
            return self.firms[min(int(self.rng.paretovariate(1.2)) - 1, len(self.firms) - 1)]
        return self.rng.choice(self.firms)

    def _number(self, kind: CaseKind, entered: datetime) -> str:
        year = clock.local_date(entered).year
        last = self.sequences.get((kind.value, year), 0) + 1
        self.sequences[(kind.value, year)] = last
        return f"{kind.number_letter}{year}-{last:05d}"

    def _person_party(self, case_id: int, role: PartyRole, **extra) -> dict:
        party = {
            "id": self.next_party_id,
            "case_id": case_id,
            "role": role.value,
            "name": _person_name(self.rng),
            "phone": _mobile(self.rng),
            "address": _address(self.rng),
            "business_id": None,
            "credit_code": None,
            "legal_representative": None,
            "contact": None,
            "is_representative": False,
            "represents_id": None,
        }
        party.update(extra)
        self.next_party_id += 1
        return party

    def _firm_party(self, case_id: int, firm: Firm) -> dict:
        party = {
            "id": self.next_party_id,
            "case_id": case_id,
            "role": PartyRole.RESPONDENT.value,
            "name": firm.name,
            "phone": firm.contact if self.rng.random() < 0.5 else None,
            "address": firm.address,
            "business_id": firm.id,
            "credit_code": firm.credit_code,
            "legal_representative": firm.legal_representative,
            "contact": firm.contact,
            "is_representative": False,
            "represents_id": None,
        }
        self.next_party_id += 1
        return party

    def case(self, case_id: int, received: datetime) -> tuple[dict, list[dict], list[dict]]:
        """One case with its parties and history rows."""
        rng = self.rng
        roll = rng.random()
        kind = CaseKind.COMPLAINT if roll < 0.75 else CaseKind.REPORT if roll < 0.87 else CaseKind.INQUIRY
        channel = rng.choices(list(Channel), weights=(25, 12, 3, 40, 20))[0]
        entered = min(
            received + timedelta(minutes=rng.choice((5, 20, 45, 55, 90)) if channel.is_dispatched else 10), self.now
        )
        received_on = clock.local_date(received)
        mediator_id, username, _name = rng.choice(self.users)
        firm = self._firm()
        _trade, category, products = TRADES[firm.trade]
        product = rng.choice(products)
        amount = rng.randint(30, 30000)
        problem = rng.choice(("P01", "P02", "P03", "P04", "P05", "P06", "P07", "P08", "P09", "P99"))
        submitter_role = {
            CaseKind.COMPLAINT: PartyRole.COMPLAINANT,
            CaseKind.REPORT: PartyRole.REPORTER,
            CaseKind.INQUIRY: PartyRole.INQUIRER,
        }[kind]
        parties = [self._person_party(case_id, submitter_role)]
        if kind is CaseKind.COMPLAINT:
            request, facts = _complaint_text(
                rng, firm, product, problem, amount, received_on - timedelta(days=rng.randint(0, 20))
            )
            progress = _complaint_progress(rng, received_on, self.today, amount)
            if rng.random() < 0.05:
                parties.append(self._person_party(case_id, PartyRole.AGENT, represents_id=parties[0]["id"]))
        elif kind is CaseKind.REPORT:
            request, facts = _report_text(rng, firm, received_on - timedelta(days=rng.randint(0, 5)))
            progress = _report_progress(rng, received_on, self.today)
        else:
            request, facts = _inquiry_text(rng, parties[0]["name"])
            progress = _inquiry_progress(rng, received_on, self.today)
        if kind is not CaseKind.INQUIRY:
            parties.append(self._firm_party(case_id, firm))

        number = self._number(kind, entered)
        platform_ref = f"{channel.value}-{rng.randrange(10**8):08d}" if channel.is_dispatched else None
        shape = SimpleNamespace(
            number=number,
            platform_ref=platform_ref,
            request=request,
            facts=facts,
            parties=[SimpleNamespace(**p) for p in parties],
        )
        refresh_search_text(shape)  # the app's own function: same fields, same order

        register = {"number": [None, number], "kind": [None, kind.value]}
        steps = [("register", register)] + progress.steps
        history = []
        at = entered
        for version, (action, changes) in enumerate(steps, 1):
            history.append(
                {
                    "id": self.next_history_id,
                    "uid": self.uid(),
                    "case_id": case_id,
                    "at": at,
                    "user_id": mediator_id,
                    "username": username,
                    "action": action,
                    "base_version": version,
                    "changes": _json(changes),
                }
            )
            self.next_history_id += 1
            at = min(at + timedelta(days=rng.randint(1, 10)), self.now)
        row = {
            "id": case_id,
            "uid": self.uid(),
            "number": number,
            "kind": kind.value,
            "channel": channel.value,
            "state": progress.state.value,
            "rule": rule_for(received_on).value,
            "received_at": received,
            "entered_at": entered,
            "platform_ref": platform_ref,
            "mediator_id": mediator_id,
            "linked_case_id": None,
            "request": request,
            "facts": facts,
            "amount_involved": Decimal(amount) if kind is not CaseKind.INQUIRY else None,
            "category_code": category if kind is not CaseKind.INQUIRY else None,
            "problem_code": problem if kind is CaseKind.COMPLAINT else None,
            "consent_publish": rng.random() < 0.6,
            "consent_entrusted_mediation": rng.random() < 0.3,
            "is_group": False,
            "check_extended": False,
            "version": len(steps) + 1,
            "search_text": shape.search_text,
            "created_at": entered,
            "updated_at": at,
        }
        row.update({name: progress.fields.get(name) for name in FINAL_FIELDS})
        return row, parties, history


def _json(changes: dict) -> str:
    return json.dumps(changes, ensure_ascii=False, sort_keys=True)


def populate(store: Store, cases: int, seed: int, progress=print) -> None:
    """Set the station up through the real service, then bulk-insert everything else."""
    set_up_station(store, DEMO_SETUP, head_username="head", head_name="王建国", head_password="bench-2026", demo=True)
    gen = Generator(cases, seed)
    with store.engine.begin() as conn:
        first_user = conn.execute(text("SELECT coalesce(max(id), 0) + 1 FROM users")).scalar_one()
        conn.execute(insert(User), gen.user_rows(first_user))
        conn.execute(insert(Business), gen.business_rows())
    arrivals = gen.arrivals()
    for start in range(0, cases, BATCH):
        case_rows, party_rows, history_rows = [], [], []
        for case_id in range(start + 1, min(start + BATCH, cases) + 1):
            row, parties, history = gen.case(case_id, arrivals[case_id - 1])
            case_rows.append(row)
            party_rows += parties
            history_rows += history
        with store.engine.begin() as conn:  # one transaction per batch; the FTS triggers run inside
            conn.execute(insert(Case), case_rows)
            conn.execute(insert(Party), party_rows)
            conn.execute(insert(HistoryEntry), history_rows)
        progress(f"  {start + len(case_rows):>9,} cases")
    with store.engine.begin() as conn:
        conn.execute(insert(NumberSequence), [{"kind": k, "year": y, "last": n} for (k, y), n in gen.sequences.items()])
    with store.engine.connect() as conn:  # outside any transaction, or SQLite refuses
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
