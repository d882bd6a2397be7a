"""Briefing Builder: a folder of news articles in, a cited briefing microsite out."""

__version__ = "0.1.0"
