"""The data side of summarizer: load, parse, chunk, embed, store, retrieve, ledger.

Nothing here imports the CLI or the pipelines of the `summarizer` package.
"""
