"""SQL for the filing schema, one module per table family."""
