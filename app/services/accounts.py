"""Local accounts: mediators and the station head. Passwords are hashed with Argon2id.

Argon2id is memory-hard, so a stolen store cannot be brute-forced cheaply on a graphics card.
"""

import logging

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import clock, validators
from app.domain.errors import ValidationError
from app.domain.vocabulary import UserRole
from app.models.station import User
from app.models.store import Store
from app.services.actor import Actor

log = logging.getLogger(__name__)

_hasher = PasswordHasher()
MIN_PASSWORD_LENGTH = 8


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError("password", "密码", f"至少 {MIN_PASSWORD_LENGTH} 个字符")
    if password.isdigit() or password.isalpha():
        raise ValidationError("password", "密码", "不能只用数字或只用字母")


def check_new_account(username: str, display_name: str, password: str) -> tuple[str, str]:
    """The normalised username and name, if all three are acceptable; raises ValidationError."""
    username = validators.text(username, field="username", label="用户名", max_length=40, required=True)
    display_name = validators.person_name(display_name, field="display_name", label="姓名")
    _check_password(password)
    return username, display_name


def add_user_in(session: Session, username: str, display_name: str, role: UserRole, password: str) -> User:
    username, display_name = check_new_account(username, display_name, password)
    if session.scalars(select(User).where(User.username == username)).first():
        raise ValidationError("username", "用户名", f"“{username}”已被使用")
    user = User(
        username=username,
        display_name=display_name,
        role=UserRole(role).value,
        password_hash=_hasher.hash(password),
        active=True,
        created_at=clock.now(),
    )
    session.add(user)
    session.flush()
    return user


def _actor(user: User) -> Actor:
    return Actor(user.id, user.username, user.display_name, UserRole(user.role))


def add_user(store: Store, username: str, display_name: str, role: UserRole, password: str) -> Actor:
    with store.session() as session:
        return _actor(add_user_in(session, username, display_name, role, password))


def authenticate(store: Store, username: str, password: str) -> Actor | None:
    """The user, if the password is right and the account active; None otherwise."""
    with store.session() as session:
        user = session.scalars(select(User).where(User.username == username)).first()
        if user is None or not user.active:
            return None
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            log.info("failed sign-in for %s", username)
            return None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        return _actor(user)


def users(store: Store) -> list[Actor]:
    with store.reading() as session:
        return [_actor(u) for u in session.scalars(select(User).where(User.active).order_by(User.id))]
