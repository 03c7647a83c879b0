"""Syncing a station with the bureau hub: wire models, signatures, outbox, client. No Qt."""
