"""Search across every record of the council (FTS5 index kept by the schema's triggers)."""
