"""SQL for the fees schema, one module per table family."""
