"""The station's settings (站点设置): idle lock, backups, interface language, the documents' body
font, and the station's own data.

The settings live in the store's ``settings`` table as text, one row per key, so they travel
with the station's data (a restored backup brings its settings back). Only the station head
may change them. A value in the table that cannot be read (hand-edited, or written by a newer
program) is logged and read as its default, so a bad row never keeps the desk from starting.

A station's data (name, issuing office, document number prefix) is printed on every official
document, so each change is logged with who made it and the old and new values.

The body font (正文字体) is a file on this machine. Saving opens it as the printer will, so a
font that cannot print is refused then; reading does not, so a file that has gone since is not
quietly replaced by the bundled face: the documents service refuses to print with it, saying so.
"""

import logging
from dataclasses import dataclass, fields, replace
from pathlib import Path

from sqlalchemy import select

from app.domain import validators
from app.domain.errors import IllegalTransition, StoreError, ValidationError
from app.domain.vocabulary import StationKind
from app.i18n import DEFAULT_LANGUAGE, LANGUAGES
from app.models import backup
from app.models.station import Setting, Station
from app.models.store import Store
from app.services.actor import Actor
from app.services.station import StationInfo, StationSetup, check_setup, station_info

log = logging.getLogger(__name__)

IDLE_LOCK_MINUTES = (1, 240)
BACKUP_KEEP = (1, 365)
BACKUP_FOLDER_MAX_LENGTH = 1000
BODY_FONT_MAX_LENGTH = 1000

# The key of each setting in the ``settings`` table.
_KEYS = {
    "idle_lock_minutes": "desk.idle_lock_minutes",
    "backup_folder": backup.FOLDER_SETTING,
    "backup_keep": backup.KEEP_SETTING,
    "language": "desk.language",
    "body_font": "documents.body_font",
}

_LABELS = {
    "idle_lock_minutes": "自动锁定时间",
    "backup_folder": "备份文件夹",
    "backup_keep": "备份保留份数",
    "language": "界面语言",
    "body_font": "正文字体",
}

HEAD_ONLY_MESSAGE = "只有站长可以修改站点设置。"


@dataclass(frozen=True)
class StationSettings:
    """The station's settings, typed; the defaults are what a new station starts with.

    Attributes:
        idle_lock_minutes: the desk locks after this many minutes without input (1–240).
        backup_folder: where backups go; "" means the data folder's ``backups``.
        backup_keep: how many daily backups are kept (1–365).
        language: the interface language, a key of ``app.i18n.LANGUAGES``; used at the next start.
        body_font: the TrueType file (TTF, or face 0 of a TTC) the documents' body prints in;
            "" means the bundled FangSong (FandolFang).
    """

    idle_lock_minutes: int = 10
    backup_folder: str = ""
    backup_keep: int = backup.DEFAULT_KEEP
    language: str = DEFAULT_LANGUAGE
    body_font: str = ""


def _field(name: str) -> str:
    return f"settings.{name}"


def _whole_number(value: object, name: str, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(_field(name), _LABELS[name], "应为整数")
    if not low <= value <= high:
        raise ValidationError(_field(name), _LABELS[name], f"应在 {low} 到 {high} 之间，现为 {value}")
    return value


def _folder(value: object) -> str:
    name = "backup_folder"
    if not isinstance(value, str):
        raise ValidationError(_field(name), _LABELS[name], "应为文件夹路径")
    value = validators.text(value, field=_field(name), label=_LABELS[name], max_length=BACKUP_FOLDER_MAX_LENGTH)
    if not value:
        return ""
    path = Path(value)
    if not path.is_absolute():
        raise ValidationError(_field(name), _LABELS[name], "应为完整路径（如 D:\\备份 或 /home/站点/备份），不能是相对路径")
    if path.exists() and not path.is_dir():
        raise ValidationError(_field(name), _LABELS[name], "这是一个文件，不是文件夹")
    return value


def _font_path(value: object) -> str:
    """The body font's path as written: "" or a complete path; the file itself is not opened."""
    name = "body_font"
    if not isinstance(value, str):
        raise ValidationError(_field(name), _LABELS[name], "应为字体文件路径")
    value = validators.text(value, field=_field(name), label=_LABELS[name], max_length=BODY_FONT_MAX_LENGTH)
    if value and not Path(value).is_absolute():
        raise ValidationError(_field(name), _LABELS[name], "应为字体文件的完整路径，不能是相对路径")
    return value


def check_body_font(value: object) -> str:
    """The body font's path, once the file is found and the printer can load it as TrueType.

    Loaded by the printing layer's own registration, so what passes here is what prints.
    """
    name = "body_font"
    value = _font_path(value)
    if not value:
        return ""
    # Imported here: reportlab is needed only when a font is checked, not at every start.
    from app.printing import fonts

    path = Path(value)
    if not path.is_file():
        raise ValidationError(_field(name), _LABELS[name], f"找不到字体文件“{value}”")
    try:
        fonts.register_face(path)
    except fonts.PostScriptOutlinesError:
        raise ValidationError(
            _field(name), _LABELS[name],
            f"“{path.name}”是 PostScript (CFF) 轮廓的字体，不支持；请选择 TrueType 轮廓的字体（.ttf 或 .ttc）",
        ) from None
    except fonts.FontError as error:
        log.warning("body font %s refused: %s", value, error)
        raise ValidationError(
            _field(name), _LABELS[name],
            f"无法读取字体文件“{path.name}”，它可能已损坏或不是字体；请选择完好的 .ttf 或 .ttc 字体",
        ) from None
    return value


def check_settings(settings: StationSettings) -> StationSettings:
    """The settings with every field validated and normalised; raises ValidationError naming the field."""
    language = settings.language
    if not isinstance(language, str) or language not in LANGUAGES:
        raise ValidationError(
            _field("language"), _LABELS["language"], f"不支持“{language}”，可选：{'、'.join(LANGUAGES)}"
        )
    return StationSettings(
        idle_lock_minutes=_whole_number(settings.idle_lock_minutes, "idle_lock_minutes", IDLE_LOCK_MINUTES),
        backup_folder=_folder(settings.backup_folder),
        backup_keep=_whole_number(settings.backup_keep, "backup_keep", BACKUP_KEEP),
        language=language,
        body_font=check_body_font(settings.body_font),
    )


def _from_text(name: str, text: str) -> object:
    default = getattr(StationSettings(), name)
    return int(text) if isinstance(default, int) else text


def _read(name: str, text: str) -> object:
    """One stored value, checked as saving checks it; but a body font file is not opened here
    (see the module's note), only its path is checked."""
    value = _from_text(name, text)
    if name == "body_font":
        return _font_path(value)
    return getattr(check_settings(replace(StationSettings(), **{name: value})), name)


def load_settings(store: Store) -> StationSettings:
    """The station's settings; a missing or unreadable value reads as its default."""
    with store.reading() as session:
        rows = {
            row.key: row.value for row in session.scalars(select(Setting).where(Setting.key.in_(_KEYS.values())))
        }
    settings = StationSettings()
    for name, key in _KEYS.items():
        if key not in rows:
            continue
        try:
            # Checked one at a time, so one bad row costs only its own value.
            value = _read(name, rows[key])
        except (ValueError, ValidationError) as error:
            log.warning("setting %s=%r cannot be used (%s); using the default", key, rows[key], error)
            continue
        settings = replace(settings, **{name: value})
    return settings


def chosen_body_font(store: Store) -> Path | None:
    """The body font the station chose, as a path; None for the bundled face."""
    chosen = load_settings(store).body_font
    return Path(chosen) if chosen else None


def _require_head(actor: Actor) -> None:
    if not actor.is_head:
        raise IllegalTransition(HEAD_ONLY_MESSAGE)


def save_settings(store: Store, actor: Actor, settings: StationSettings) -> StationSettings:
    """Validate and keep the settings; only the station head may. Returns what was stored."""
    _require_head(actor)
    settings = check_settings(settings)
    changed = []
    with store.session() as session:
        for item in fields(StationSettings):
            key, value = _KEYS[item.name], str(getattr(settings, item.name))
            row = session.get(Setting, key)
            if row is None:
                session.add(Setting(key=key, value=value))
                changed.append(f"{item.name}={value!r}")
            elif row.value != value:
                changed.append(f"{item.name}: {row.value!r} -> {value!r}")
                row.value = value
    if changed:
        log.info("station settings changed by %s (user %s): %s", actor.username, actor.user_id, "; ".join(changed))
    return settings


def check_station_data(name: str, office_name: str, doc_prefix: str) -> tuple[str, str, str]:
    """The station's name, issuing office and document prefix, checked by the first-run rules."""
    # The kind is not edited here; any valid one lets check_setup apply its rules to the rest.
    checked = check_setup(StationSetup(name, StationKind.SCENIC_STATION, office_name, doc_prefix))
    return checked.name, checked.office_name, checked.doc_prefix


def update_station(store: Store, actor: Actor, name: str, office_name: str, doc_prefix: str) -> StationInfo:
    """Change the station's name, issuing office (发文机关) and document number prefix (文号前缀).

    Only the station head may. Each change is logged with who made it, the old and the new value.
    """
    _require_head(actor)
    name, office_name, doc_prefix = check_station_data(name, office_name, doc_prefix)
    changed = []
    with store.session() as session:
        station = session.scalars(select(Station)).first()
        if station is None:
            raise StoreError("本数据库尚未设置站点。")
        for attribute, value in (("name", name), ("office_name", office_name), ("doc_prefix", doc_prefix)):
            old = getattr(station, attribute)
            if old != value:
                changed.append(f"{attribute}: {old!r} -> {value!r}")
                setattr(station, attribute, value)
    if changed:
        log.info("station data changed by %s (user %s): %s", actor.username, actor.user_id, "; ".join(changed))
    return station_info(store)


# --- the office's phone and address, printed on notices (forms 4, 5 and 7) ----------------------

_OFFICE_KEYS = {"phone": "station.office_phone", "address": "station.office_address"}


@dataclass(frozen=True)
class OfficeContact:
    """How the parties reach the office (联系电话, 通信地址); "" while not yet filled in."""

    phone: str = ""
    address: str = ""


def check_office_contact(contact: OfficeContact) -> OfficeContact:
    """The contact with each field validated and normalised; raises ValidationError naming it."""
    phone = validators.text(contact.phone, field="station.office_phone", label="办公电话", max_length=30)
    if phone:
        phone = validators.phone(phone, field="station.office_phone", label="办公电话")
    address = validators.text(contact.address, field="station.office_address", label="通信地址", max_length=200)
    return OfficeContact(phone=phone, address=address)


def load_office_contact(store: Store) -> OfficeContact:
    """The office's phone and address; a value that cannot be read counts as not filled in."""
    with store.reading() as session:
        rows = {
            row.key: row.value
            for row in session.scalars(select(Setting).where(Setting.key.in_(_OFFICE_KEYS.values())))
        }
    values = {name: rows.get(key, "") for name, key in _OFFICE_KEYS.items()}
    try:
        return check_office_contact(OfficeContact(**values))
    except ValidationError as error:
        log.warning("office contact %r cannot be used (%s); treated as not filled in", values, error)
        return OfficeContact()


def save_office_contact(store: Store, actor: Actor, contact: OfficeContact) -> OfficeContact:
    """Keep the office's phone and address; only the station head may. Returns what was stored."""
    _require_head(actor)
    contact = check_office_contact(contact)
    changed = []
    with store.session() as session:
        for name, key in _OFFICE_KEYS.items():
            value = getattr(contact, name)
            row = session.get(Setting, key)
            old = row.value if row is not None else ""
            if old == value:
                continue
            changed.append(f"{name}: {old!r} -> {value!r}")
            if row is None:
                session.add(Setting(key=key, value=value))
            else:
                row.value = value
    if changed:
        log.info("office contact changed by %s (user %s): %s", actor.username, actor.user_id, "; ".join(changed))
    return contact
