"""Offline evals: gold datasets, metrics, suites and the baseline gate behind `summarizer eval`."""
