"""Services the views and the command line call. Each opens one short session, does one unit
of work, and returns plain data objects: no caller ever holds a database session."""
