"""Mediation Desk (消费维权调解台): the station desk for consumer-dispute mediation."""

__version__ = "0.1.0"
