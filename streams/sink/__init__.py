"""`streams sink`: DuckDB tables kept current from the event and terminal topics."""
