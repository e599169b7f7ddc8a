"""Prompt templates shipped as package data; loaded by `summarizer.prompts`."""
