"""Masking personal numbers for screens and papers that do not need them in full (GB/T 35273)."""


def mask_phone(phone: str | None) -> str:
    """``138****8000`` for a mobile; a landline keeps its area code and last four digits."""
    if not phone:
        return ""
    if "-" in phone:
        area, number, *extension = phone.split("-")
        return f"{area}-{'*' * (len(number) - 4)}{number[-4:]}"
    if len(phone) == 11:
        return phone[:3] + "****" + phone[-4:]
    return phone[:2] + "*" * max(len(phone) - 4, 0) + phone[-2:]


def mask_id(number: str | None) -> str:
    """First and last characters only: ``1*************X`` style for an 18-character ID."""
    if not number:
        return ""
    if len(number) <= 4:
        return "*" * len(number)
    return number[:1] + "*" * (len(number) - 2) + number[-1:]
