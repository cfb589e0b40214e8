"""PartnerDesk, the application: the window, the briefing renderer and the command line."""

__version__ = "0.1.0"
