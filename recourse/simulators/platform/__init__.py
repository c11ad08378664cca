"""A simulator of lending platforms that speaks only the platform edge topics."""
