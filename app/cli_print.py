"""``mediation-desk print``: issue a case's document headless, or reprint it from the archive.

Whoever issues a document, corrects one or reads a report's documents says who they are with
``--user`` and types their password (at a terminal without echo, else on the first line of
standard input, for a script): the command line signs in like the desk does, so nobody issues a
document under another's name, and a report's documents, which name the reporter, stay with the
station head and the report's mediator (Art. 37). Reprinting any other issued document needs no
user: it gives the archived original again.
"""

import argparse
import getpass
import os
import sys
from pathlib import Path

from app.domain.errors import DeskError
from app.models.store import Store
from app.services.accounts import authenticate
from app.services.actor import Actor
from app.services.document_inputs import FORM_INPUTS, FORM_TITLES, check_form

# ``app.services.documents`` is imported where a document is made: the parser, built at every
# start of the program (the desk's too), needs only the forms' names, and the documents bring
# in the PDF renderer.


def add_print_command(sub, common: argparse.ArgumentParser) -> None:
    """The ``print`` subcommand and its options, on the command line's subparsers ``sub``."""
    printing = sub.add_parser(
        "print",
        parents=[common],
        help="出具或重印案件文书（PDF）",
        description=(
            "已出具过的文书按存档原样重印；尚未出具的，由 --user 指定的用户（须输入其密码）出具并编号存档。"
            "举报的文书只有站长和承办该举报的调解员可以出具或重印。"
        ),
        epilog=form_list(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    printing.add_argument("--case", help="案件编号，如 T2026-00017")
    printing.add_argument("--form", required=True, help="文书名称（见下表）；写 list 列出全部")
    printing.add_argument("--out", type=Path, help="保存的 PDF 文件")
    printing.add_argument("--user", help="出具人的用户名（会询问密码）：出具、更正和举报的文书必填，其他重印不需要")
    printing.add_argument("--correct", action="store_true", help="出具更正文书，更正本案已出具的同种文书")
    printing.add_argument(
        "--field", action="append", default=[], metavar="名称=值",
        help="文书需要而案件中没有的信息，可重复，如 --field report_by=2026-12-31",
    )


def form_list() -> str:
    """The forms with their Chinese titles and the --field inputs each takes."""
    rows = ["文书名称："]
    for name, title in FORM_TITLES.items():
        inputs = "、".join(
            f"{item.name}（{item.label}{'' if item.required else '，可选'}）" for item in FORM_INPUTS.get(name, ())
        )
        rows.append(f"  {name:<20}{title}" + (f"；--field {inputs}" if inputs else ""))
    return "\n".join(rows)


def check_print_arguments(args: argparse.Namespace) -> str | None:
    """The form asked for, after the checks that need no store; None for ``--form list``."""
    if args.form == "list":
        return None
    form = check_form(args.form)
    if not args.case or not args.out:
        raise DeskError("请用 --case 指定案件编号，用 --out 指定保存的 PDF 文件。")
    if not args.out.parent.resolve().is_dir():
        raise DeskError(f"文件夹 {args.out.parent} 不存在。")
    return form


def print_document(store: Store, args: argparse.Namespace, form: str) -> int:
    """Issue (as the signed-in --user) or reprint ``form`` for --case into --out."""
    extra = _fields(args.field)
    actor = _sign_in(store, args.user) if args.user else None
    done, issued, pdf = _issue_or_reprint(store, args, actor, form, extra)
    # Written beside the target and renamed, so an interrupted write never leaves half a PDF.
    part = args.out.with_name(args.out.name + ".part")
    part.write_bytes(pdf)
    os.replace(part, args.out)
    print(f"{done}{issued.title} {issued.number}，已保存到 {args.out}")
    return 0


def _issue_or_reprint(store: Store, args: argparse.Namespace, actor: Actor | None, form: str, extra: dict[str, str]):
    """The archived document if the form was issued for the case (unless --correct); else a new
    one, issued by ``actor``. Returns what was done, the document and its PDF."""
    from app.services import documents

    case_id = documents.case_id_by_number(store, args.case)
    if args.correct:
        _issuer(actor)
    choice = next(c for c in documents.available_forms(store, actor, case_id) if c.name == form)
    if choice.issued is None and (args.correct or not choice.applies):
        raise documents.DocumentRefused(choice.reason or f"本案尚未出具{choice.title}，无需更正。")
    if choice.issued is not None and not args.correct:
        done, issued = "已重印", choice.issued
    else:
        corrects = choice.issued.id if args.correct else None
        issued = documents.issue_document(store, _issuer(actor), case_id, form, extra, corrects=corrects)
        done = "已出具更正" if args.correct else "已出具"
    return done, issued, documents.document_pdf(store, actor, issued.id)


def _password(username: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(f"用户 {username} 的密码：")
    return sys.stdin.readline().rstrip("\n")


def _sign_in(store: Store, username: str) -> Actor:
    """The user ``username``, once their password is typed right."""
    actor = authenticate(store, username, _password(username))
    if actor is None:
        # Which of the two is wrong is not said, as at the desk's sign-in.
        raise DeskError(f"用户名“{username}”或密码不对，或该账户已停用；未出具也未保存任何文书。")
    return actor


def _issuer(actor: Actor | None) -> Actor:
    if actor is None:
        raise DeskError("出具文书须用 --user 指定出具人（站长或调解员的用户名），并输入其密码；重印已出具的文书不需要。")
    return actor


def _fields(items: list[str]) -> dict[str, str]:
    fields = {}
    for item in items:
        name, equals, value = item.partition("=")
        if not equals or not name.strip():
            raise DeskError(f"--field 应写作 名称=值，如 report_by=2026-12-31；收到的是“{item}”。")
        fields[name.strip()] = value
    return fields
