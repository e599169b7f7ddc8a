"""LLM extraction into the ledger (`ingest --extract llm|both`): a model completes the rules' facts.

Per report: the `extract` prompt (prompts/extract.md) shows the report's text between data
delimiters and the model fills `LLMExtraction` (summarizer/llm_schemas.py), a quote per fact,
through the shared `ChatClient` (validation, bounded re-ask, cache, call log). Each quote is then
located in the report file on disk by the shared verifier; a fact whose quote is not there is
rejected and counted, never stored. The rest go to the ledger, which keeps only what the rules
lack (index/ledger/complete.py) and records the extraction by content hash, prompt and model, so
re-ingesting an unchanged report makes no call at all.

Modules: `request` (the prompt's messages for a report), `grounding` (reply -> facts with verified
citations, and the rejects), `extractor` (`Extractor`: one report end to end, outcomes, spend).
"""
