"""Files in and out: CSV/XLSX imports and exports (and later DOCX, ICS, .eml)."""
