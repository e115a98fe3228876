"""The PySide6 face of ESS Desk: windows, pages, Qt models and dialogs over the `ess_desk` core."""
