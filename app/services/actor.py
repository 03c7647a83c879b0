"""Who is doing a piece of work: the signed-in user, as every service needs to know."""

from dataclasses import dataclass

from app.domain.vocabulary import UserRole


@dataclass(frozen=True)
class Actor:
    user_id: int | None  # None for what the bureau hub sends down, which no local account did
    username: str
    display_name: str
    role: UserRole

    @property
    def is_head(self) -> bool:
        return self.role is UserRole.HEAD
