"""Windows, dialogs and table models of the station desk: they lay out, the services decide."""

from app.views.immortal_none import keep_none_alive

# Before any window exists: PySide6 6.12 on Python 3.11 drops a reference to None per void call.
keep_none_alive()
