"""A request the hub refuses: the HTTP status and a message a station operator can act on."""


class Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message
