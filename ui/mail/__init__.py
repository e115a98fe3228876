"""The window's side of sending mail: the session (password asked once, sending off the GUI
thread on a connection of its own), the outbox in the status bar and its dialog, the mail
settings dialog and the « Envoyer les convocations » dialog."""
