"""summarizer: weekly status reports in; cited executive answers out."""

__version__ = "0.1.0"
