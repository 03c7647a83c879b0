"""A demo station: a scenic-area service station with a head, two mediators and realistic cases.

Every case is made through the same services the desk uses, so the demo carries a true history
and deadlines. The random generator is seeded: the same command gives the same station.
"""

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from app.domain import clock
from app.domain.deadlines import ACCEPTANCE_WORKING_DAYS, working_days_after
from app.domain.validators import CREDIT_CODE_CHARS, credit_check_char
from app.domain.vocabulary import Channel, PauseKind, SessionMode, UserRole
from app.models.store import Store
from app.services import acceptance, accounts, closing, intake, mediation
from app.services.actor import Actor
from app.services.drafts import BOTH, CaseDraft, PartyDraft
from app.services.station import StationSetup, set_up_station

DEMO_PASSWORD = "demo-2026"
DEMO_SETUP = StationSetup(
    name="西湖景区消费维权服务站",
    kind="scenic_station",
    office_name="杭州市西湖区市场监督管理局",
    doc_prefix="西市监投",
)
DEMO_ACCOUNTS = [("head", "王建国", UserRole.HEAD), ("liming", "李明", UserRole.MEDIATOR), ("chenjing", "陈静", UserRole.MEDIATOR)]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华飞玉兰萍红鹏辉建华玲燕琴云峰宇浩然欣怡子涵梓轩雨桐䶮𠇔"
STREETS = ["北山街", "南山路", "龙井路", "灵隐路", "河坊街", "湖滨路", "曙光路", "杨公堤", "西溪路", "文三路"]
BUSINESSES = [
    ("湖滨玉器行", "G07", "P01", "购买的和田玉手镯经检测为染色石英岩", "退货退款并按价款三倍赔偿"),
    ("龙井问茶茶叶店", "G01", "P03", "标价每斤 680 元的明前龙井结账时按每两计价", "按标价结算并退还多收款"),
    ("断桥旅游纪念品店", "G09", "P08", "宣称手工刺绣的丝巾实为机器印花", "退货退款"),
    ("灵隐素斋馆", "S02", "P09", "用餐后出现腹泻，菜品疑似变质", "赔偿医疗费并道歉"),
    ("曲院风荷游船公司", "S04", "P04", "游船因故取消未按约定退款", "全额退还船票款"),
    ("雷峰塔景区观光车服务部", "S05", "P02", "观光车中途抛锚，拒绝退还车票", "退还车票款"),
    ("西溪印象民宿", "S02", "P04", "预订的湖景房被更换为无窗房间", "退还差价并赔偿"),
    ("河坊街老字号小吃店", "S02", "P06", "称重计价的糕点缺斤少两", "补足分量或退款"),
    ("宋城演艺票务代售点", "S01", "P03", "演出门票加价出售未明码标价", "退还加价部分"),
    ("湖畔数码体验店", "G06", "P02", "新买的手机三天内黑屏，商家拒绝换货", "更换同型号新机"),
    ("杭州好时光摄影工作室", "S01", "P04", "旅拍套餐交付照片数量少于合同约定", "补拍或退还部分费用"),
    ("西湖丝绸文化馆", "G02", "P08", "宣传为桑蚕丝的睡衣实为涤纶", "退货退款并赔偿"),
]
REPORTS = [
    "景区内商户销售无中文标识的进口食品",
    "商户以低价团游为名强制游客购物",
    "茶叶店使用未经检定的电子秤",
    "餐馆后厨卫生条件差，食品原料过期",
]
INQUIRIES = ["网购商品七日无理由退货的规定", "预付卡余额能否退还", "景区门票优惠政策", "食品标签的标注要求"]


def _credit_code(rng: random.Random) -> str:
    body = "9133" + "0106" + "".join(rng.choice(CREDIT_CODE_CHARS) for _ in range(9))
    return body + credit_check_char(body)


def _person(rng: random.Random) -> PartyDraft:
    name = rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
    return PartyDraft(
        name=name,
        phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
        address=f"浙江省杭州市西湖区{rng.choice(STREETS)}{rng.randint(1, 300)}号",
    )


def _moment(day: date, rng: random.Random) -> datetime:
    return datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=clock.CHINA)


def _draft(rng: random.Random, kind: str, received: datetime, mediator_id: int) -> CaseDraft:
    name, category, problem, facts, request = rng.choice(BUSINESSES)
    channel = rng.choice(list(Channel))
    delay = timedelta(minutes=rng.choice((5, 20, 45, 55, 90)) if channel.is_dispatched else 10)
    entered = min(received + delay, clock.now())
    if kind == "report":
        request = facts = rng.choice(REPORTS)
    elif kind == "inquiry":
        request, facts = "咨询" + rng.choice(INQUIRIES), ""
    return CaseDraft(
        kind=kind,
        channel=channel,
        received_at=received,
        entered_at=entered,
        platform_ref=f"{channel.value}-{rng.randrange(10**8):08d}" if channel.is_dispatched else "",
        complainants=[_person(rng)],
        respondent=PartyDraft(
            name=name,
            address=f"浙江省杭州市西湖区{rng.choice(STREETS)}{rng.randint(1, 300)}号",
            credit_code=_credit_code(random.Random(name)),
            legal_representative=_person(random.Random(name)).name,
        ),
        request=request,
        facts=facts,
        amount_involved=Decimal(rng.randint(30, 30000)) if kind != "inquiry" else None,
        category_code=category,
        problem_code=problem,
        consent_publish=rng.random() < 0.6,
        consent_entrusted_mediation=rng.random() < 0.3,
        mediator_id=mediator_id,
    )


# Where each complaint ends up, and how long ago it arrived (days).
COMPLAINT_PLANS = [
    ("registered_new", 0, 3),
    ("registered_due_soon", 7, 9),
    ("registered_overdue", 25, 40),
    ("not_accepted", 20, 120),
    ("refusal_proposed", 2, 5),
    ("accepted", 2, 10),
    ("mediating", 5, 40),
    ("mediating_overdue", 70, 90),
    ("testing", 10, 30),
    ("agreed", 15, 120),
    ("terminated", 30, 120),
    ("withdrawn", 5, 60),
    ("followed_up", 40, 150),
    ("closed", 60, 300),
    ("voided", 3, 30),
]


def _received_for_acceptance_due_soon(today: date) -> date:
    """The latest receipt date whose 7-working-day acceptance limit ends today or tomorrow's
    working day, whatever the weekday or holiday the demo is made on."""
    latest_due = working_days_after(today, 1)
    received = today
    while working_days_after(received, ACCEPTANCE_WORKING_DAYS) > latest_due:
        received -= timedelta(days=1)
    return received


def _after(day: date, rng: random.Random, low: int, high: int, today: date) -> date:
    return min(day + timedelta(days=rng.randint(low, high)), today)


def _complaint(store: Store, rng: random.Random, head: Actor, mediator: Actor, plan: str, case_id: int, received: date) -> None:
    today = clock.today()
    if plan.startswith("registered"):
        return
    if plan == "voided":
        closing.void(store, head, case_id, reason="重复登记")
        return
    if plan in ("not_accepted", "refusal_proposed"):
        actor = head if plan == "not_accepted" else mediator
        acceptance.refuse(store, actor, case_id, ground=rng.choice((1, 3, 4)), reason="经核实不符合受理条件", decided_on=_after(received, rng, 1, 5, today))
        if plan == "not_accepted" and rng.random() < 0.5:
            closing.close(store, head, case_id)
        return
    accepted = _after(received, rng, 1, 5, today)
    acceptance.accept(store, mediator, case_id, decided_on=accepted)
    if plan == "accepted":
        return
    held = _after(accepted, rng, 1, 6, today)
    mediation.record_session(
        store, mediator, case_id, record="双方到场，陈述各自意见，调解员释明相关法律规定。",
        starts_at=_moment(held, rng), place="服务站调解室", mode=rng.choice(list(SessionMode)), mediators=mediator.display_name,
    )
    if plan in ("mediating", "mediating_overdue"):
        return
    if plan == "testing":
        mediation.pause_clock(store, mediator, case_id, kind=PauseKind.TESTING, started_on=held, detail="送浙江省质检院检测")
        return
    outcome = _after(held, rng, 0, 10, today)
    if plan == "withdrawn":
        mediation.withdraw(store, mediator, case_id, reason="投诉人与商家自行和解", withdrawn_on=outcome)
        return
    if plan == "terminated":
        mediation.terminate(store, head, case_id, ground=3, reason="被投诉人明确表示不接受调解方案", decided_on=outcome)
        if rng.random() < 0.5:
            mediation.notify_termination(store, mediator, case_id, notified_on=_after(outcome, rng, 1, 5, today))
        return
    amount = Decimal(rng.randint(30, 3000))
    mediation.record_agreement(
        store, mediator, case_id, terms=[f"被投诉人于三日内退还投诉人 {amount} 元。", "投诉人退回所购商品。"],
        amount_recovered=amount, make_document=rng.random() < 0.6, agreed_on=outcome,
    )
    if plan == "agreed":
        return
    mediation.record_follow_up(
        store, mediator, case_id, visited_on=_after(outcome, rng, 3, 15, today), method="电话", reached=True,
        satisfaction=rng.choice(("very_satisfied", "satisfied", "neutral")),
    )
    if plan == "closed":
        closing.close(store, head, case_id)


def _report(store: Store, rng: random.Random, head: Actor, mediator: Actor, case_id: int, age: int) -> None:
    if age < 5:
        return
    closing.start_check(store, mediator, case_id)
    if 10 < age <= 18 and rng.random() < 0.5:  # an extension is asked for before the 15 days run out
        closing.extend_check(store, head, case_id, reason="需调取监控录像")
    if age > 25:
        closing.decide_filing(store, head, case_id, file_case=rng.random() < 0.5, reason="经核查")


@dataclass(frozen=True)
class _Plan:
    kind: str
    plan: str
    received: date
    mediator: Actor


def _plans(rng: random.Random, cases: int, mediators: list[Actor], today: date) -> list[_Plan]:
    """What to make, oldest first, so case numbers follow the order of receipt as they do for real."""
    plans = []
    made = 0
    while made < cases:
        roll = rng.random()
        kind = "complaint" if roll < 0.7 else "report" if roll < 0.82 else "inquiry" if roll < 0.95 else BOTH
        if kind == BOTH and made == cases - 1:
            kind = "complaint"  # a split would make one case too many
        plan, low, high = rng.choice(COMPLAINT_PLANS) if kind in ("complaint", BOTH) else ("", 0, 40)
        received = today - timedelta(days=rng.randint(low, high))
        if plan == "registered_due_soon":
            received = _received_for_acceptance_due_soon(today)
        plans.append(_Plan(kind, plan, received, rng.choice(mediators)))
        made += 2 if kind == BOTH else 1
    return sorted(plans, key=lambda p: p.received)


def populate(store: Store, cases: int = 200, seed: int = 20261128) -> Iterator[int]:
    """Set up the demo station and add ``cases`` cases; yields how many are done, for progress."""
    rng = random.Random(seed)
    set_up_station(store, DEMO_SETUP, head_username="head", head_name="王建国", head_password=DEMO_PASSWORD, demo=True)
    head = accounts.authenticate(store, "head", DEMO_PASSWORD)
    mediators = [accounts.add_user(store, u, n, r, DEMO_PASSWORD) for u, n, r in DEMO_ACCOUNTS[1:]]
    today = clock.today()
    done = 0
    for plan in _plans(rng, cases, mediators, today):
        mediator = plan.mediator
        draft = _draft(rng, "complaint" if plan.kind == BOTH else plan.kind, _moment(plan.received, rng), mediator.user_id)
        draft.kind = plan.kind
        if draft.received_at > clock.now():
            draft.received_at = clock.now() - timedelta(minutes=30)
            draft.entered_at = None
        for made in intake.register_case(store, mediator, draft):
            if made.kind.value == "complaint":
                _complaint(store, rng, head, mediator, plan.plan, made.case_id, plan.received)
            elif made.kind.value == "report":
                _report(store, rng, head, mediator, made.case_id, (today - plan.received).days)
            elif (today - plan.received).days > 2:
                closing.answer_inquiry(store, mediator, made.case_id, answer="已当场解答并告知相关规定。")
            done += 1
            yield done
