"""What each document says, read back from its PDF: wording, numbers, grounds, dates, terms."""

import re
from dataclasses import replace

import pytest

from app.domain.errors import ValidationError
from app.domain.grounds import refusal_grounds, termination_grounds
from app.domain.rules import Rule
from app.printing.document_data import FORM_NAMES
from app.printing.render import render
from app.printing.samples import ISSUED, long_agreement, order_20_documents, sample_documents
from tests.printing.pdf_reading import all_text, compact, page_texts

SAMPLES = sample_documents()
TITLES = {
    "complaint-register": "投诉登记表",
    "report-register": "举报登记表",
    "forward": "投诉分送通知书",
    "identity": "限期提供身份证明材料通知书",
    "acceptance": "投诉受理决定书",
    "refusal": "投诉不予受理决定书",
    "mediation-notice": "投诉调解通知书",
    "termination": "投诉终止调解决定书",
    "agreement": "投诉调解书",
    "report-result": "举报处理结果告知书",
    "mediation-record": "调解记录",
    "follow-up": "回访记录",
}
FORM_NUMBERS = {
    "complaint-register": "一", "report-register": "二", "forward": "三", "identity": "四", "acceptance": "五",
    "refusal": "六", "mediation-notice": "七", "termination": "八", "agreement": "九", "report-result": "十",
}
NOTICES = ["forward", "identity", "acceptance", "refusal", "mediation-notice", "termination", "report-result"]
ROUTES_ON_REFUSAL = "你还可以按照《中华人民共和国消费者权益保护法》第三十九条规定的其他途径解决消费者权益争议。"
ROUTES_ON_TERMINATION = (
    "投诉人、被投诉人对市场监督管理部门作出的终止调解决定、调解结果不服的，可以按照《中华人民共和国消费者权益保护法》"
    "第三十九条规定，通过民事诉讼、仲裁等其他途径解决消费者权益争议。"
)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {name: all_text(render(content)) for name, content in SAMPLES.items()}


def test_the_samples_cover_every_form():
    assert set(SAMPLES) == set(FORM_NAMES) == set(TITLES)


@pytest.mark.parametrize("name", sorted(TITLES))
def test_every_document_has_its_title_label_and_number(texts, name):
    text = texts[name]
    assert TITLES[name] in text
    if name in FORM_NUMBERS:
        assert text.startswith(f"文书式样{FORM_NUMBERS[name]}{TITLES[name]}")
    assert compact(SAMPLES[name].heading.number) in text


@pytest.mark.parametrize("name", sorted(TITLES))
def test_no_date_has_a_leading_zero(texts, name):
    assert not re.search(r"\d{4}年0\d|月0\d日", texts[name])


@pytest.mark.parametrize("name", NOTICES)
def test_a_notice_is_addressed_signed_dated_and_footnoted(texts, name):
    text = texts[name]
    heading = SAMPLES[name].heading
    number = compact(heading.number)
    assert f"{number}{compact(heading.addressee)}：" in text, "the addressee follows the number line, with ："
    assert f"{heading.office.name}{ISSUED.year}年{ISSUED.month}月{ISSUED.day}日注：" in text
    assert "2026年11月8日" in text


def test_the_footnote_comes_last_on_the_last_page():
    pages = page_texts(render(SAMPLES["refusal"]))
    last = compact(pages[-1])
    assert "注：" in last
    assert last.index("注：") > last.index("2026年11月8日")
    assert last.endswith("信函等方式告知。—2—")


def test_the_refusal_lists_every_ground_and_marks_the_applied_one(texts):
    text = texts["refusal"]
    grounds = refusal_grounds(Rule.ORDER_121)
    assert "属以下第〔四〕项情形，依据《市场监督管理投诉举报处理办法》第十六条的规定，我局决定不予受理。" in text
    for ground in grounds.grounds:
        mark = "■" if ground.number == 4 else "□"
        assert f"{mark}{ground.item}{ground.text}" in text
    assert text.count("■") == 1
    assert text.count("□") == len(grounds.grounds) - 1
    assert f"{ROUTES_ON_REFUSAL}特此告知。" in text


def test_the_termination_lists_every_ground_and_cites_the_first_paragraph(texts):
    text = texts["termination"]
    assert "出现以下第〔三〕项情形，依据《市场监督管理投诉举报处理办法》第二十三条第一款的规定，我局决定终止调解。" in text
    for ground in termination_grounds(Rule.ORDER_121).grounds:
        assert f"{'■' if ground.number == 3 else '□'}{ground.item}{ground.text}" in text
    assert f"{ROUTES_ON_TERMINATION}特此告知。" in text


def test_an_order_20_case_cites_the_articles_of_order_20():
    documents = order_20_documents()
    refusal = all_text(render(documents["refusal"]))
    assert "第〔五〕项情形，依据《市场监督管理投诉举报处理办法》第十五条的规定" in refusal
    assert refusal.count("□") + refusal.count("■") == 6
    assert "■（五）未提供本办法第九条第一款和第十条规定的材料的；" in refusal

    termination = all_text(render(documents["termination"]))
    assert "第二十一条第一款的规定，我局决定终止调解" in termination
    assert "■（五）自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的；" in termination
    assert termination.count("□") + termination.count("■") == 7

    identity = all_text(render(documents["identity"]))
    assert "根据《市场监督管理投诉举报处理办法》第九条第一款的规定，请你在2026年4月20日前" in identity
    assert "根据《市场监督管理投诉举报处理办法》第九条、第十五条的规定，对投诉依法不予受理。" in identity
    assert "第十条第三款" not in identity


def test_the_identity_notice_under_order_121(texts):
    text = texts["identity"]
    assert "根据《中华人民共和国消费者权益保护法实施条例》第四十六条第一款的规定" in text
    assert "根据《市场监督管理投诉举报处理办法》第十条第三款的规定，请你在2026年11月15日前向我局提供以下身份证明材料：" in text
    assert "1.居民身份证或者其他有效身份证件。" in text
    assert "第十条、第十六条的规定，对投诉依法不予受理。" in text
    assert "联系电话：0571-87654321；通信地址：浙江省杭州市西湖区北山街18号。" in text


def test_the_forward_notice(texts):
    text = texts["forward"]
    assert "杭州市西湖区市场监督管理局北山市场监督管理所：" in text
    assert "现转去林晓燕于2026年11月2日关于在杭州湖滨玉器行有限公司购买的和田玉手镯经检测为染色石英岩的投诉。" in text
    assert "并将处理结果于2026年11月20日前报告我局。附：相关材料2份，共5页。" in text


def test_the_acceptance_decision(texts):
    text = texts["acceptance"]
    assert "我局于2026年11月2日收到你关于" in text
    assert "符合《市场监督管理投诉举报处理办法》规定的受理条件，我局决定受理。联系人：李明；联系电话：0571-87654321。特此告知。" in text


def test_the_mediation_notice(texts):
    text = texts["mediation-notice"]
    assert "请于2026年11月12日14时30分到西湖景区消费维权服务站调解室（北山街18号二楼）参加调解。" in text
    assert "请携带以下材料：1.身份证明材料；2.购物发票及商品标签；3.检测证书原件。" in text
    assert "可以自收到本通知书之日起3日内对调解人员提出回避申请。" in text
    assert "调解人员：李明、陈静；联系电话：0571-87654321。特此通知。" in text


def test_the_report_result_notice(texts):
    text = texts["report-result"]
    assert "我局已依法处理。根据《中华人民共和国产品质量法》第二十七条规定，现将处理结果告知如下：" in text
    assert "并依法立案调查（立案编号西市监立〔2026〕118号）。" in text


def test_the_agreement_has_the_parties_terms_amount_effect_and_signatures(texts):
    text = texts["agreement"]
    assert "投诉人林晓燕联系电话13800138000联系地址浙江省杭州市西湖区文三路90号" in text
    assert "被投诉人杭州湖滨玉器行有限公司法定代表人赵国强经营场所浙江省杭州市西湖区南山路135号" in text
    assert "委托代理人孙丽华联系电话13900139000" in text
    assert "投诉内容及投诉请求：2026年10月30日" in text
    assert "本局组织双方当事人进行调解，双方自愿达成如下协议：1.被投诉人于2026年11月15日前退还" in text
    positions = [text.index(f"{number}.被投诉人" if number < 3 else f"{number}.双方") for number in (1, 2, 3)]
    assert positions == sorted(positions)
    assert "协议金额：人民币13,300.00元（大写：壹万叁仟叁佰元整）。" in text
    assert "本调解书经双方当事人签字后生效。" in text and "第三十九条规定，通过民事诉讼、仲裁等其他途径" in text
    for signature in ("投诉人（签名）：", "被投诉人（签名）：", "调解人员（签名）："):
        assert signature in text
    assert "（李明、陈静）2026年11月8日" in text


def test_a_forty_term_agreement_numbers_every_term_and_every_page():
    agreement = long_agreement(40)
    pages = [compact(page) for page in page_texts(render(agreement))]
    assert len(pages) > 2
    terms = "".join(pages)
    positions = [terms.index(f"{number}.被投诉人于2026年12月") for number in range(1, 41)]
    assert positions == sorted(positions)
    for number, page in enumerate(pages, start=1):
        assert f"案件编号：{compact(agreement.heading.case_number)}共{len(pages)}页" in page
        assert f"—{number}—" in page


def test_a_one_page_document_has_no_page_number(texts):
    assert "—1—" not in texts["acceptance"]


def test_the_registration_forms_tick_the_given_answers(texts):
    text = texts["complaint-register"]
    assert "是否同意公示投诉信息■是□否" in text
    assert "是否同意委托调解□是■否" in text
    assert "登记单位：西湖景区消费维权服务站" in text
    assert "经办人（签字）：李明2026年11月2日" in text
    assert "3**************02X" in text

    unanswered = replace(SAMPLES["complaint-register"], consent_publish=None)
    assert "是否同意公示投诉信息□是□否" in all_text(render(unanswered))


def test_an_anonymous_report_registration(texts):
    text = texts["report-register"]
    assert "举报人" in text and "（匿名举报）" in text
    assert "断桥旅游纪念品店" in text


def test_the_records(texts):
    record = texts["mediation-record"]
    assert "调解时间2026年11月12日14时30分调解方式现场" in record
    assert "被投诉人：同意退货退款，承担检测费，不同意三倍赔偿。" in record
    follow_up = texts["follow-up"]
    assert "回访日期2026年11月20日回访方式电话" in follow_up
    assert "满意程度满意" in follow_up


def test_an_applied_ground_outside_the_list_is_refused_with_a_message():
    bad = replace(SAMPLES["refusal"], applied_ground=9)
    with pytest.raises(ValidationError) as raised:
        render(bad)
    assert "不予受理情形" in str(raised.value) and "第 1 至 7 项" in str(raised.value)


def test_an_empty_blank_prints_as_a_blank_to_fill_in():
    notice = replace(SAMPLES["acceptance"], contact_phone=" ")
    assert "联系电话：\u3000\u3000\u3000\u3000。" in "".join(page_texts(render(notice)))


def test_a_line_break_typed_into_a_blank_starts_a_new_paragraph():
    notice = replace(SAMPLES["acceptance"], subject="第一行\r\n第二行")
    text = "".join(page_texts(render(notice)))
    assert "关于第一行\n" in text and "第二行的投诉" in text
