"""The LLM client layer: structured chat calls to any OpenAI-compatible endpoint."""
