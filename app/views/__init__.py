"""Windows, dialogs and table models of the station desk: they lay out, the services decide."""
