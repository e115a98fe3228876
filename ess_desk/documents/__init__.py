"""Printed documents (reportlab): one style module, one builder per document."""
