"""The national-scale benchmark (``manage.py benchmark``): its own PostgreSQL database, filled set-based
(``vullen``), and the measurements of the hot paths (``metingen``)."""
