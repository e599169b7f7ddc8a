"""The embedder for any OpenAI-compatible /embeddings endpoint (OpenAI, Azure, vLLM, Ollama, …).

Split from `embed.py`, which keeps the interface, the local default and the cache: this is the
one embedder that talks to a network, with its batching, retries and error mapping.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from index.errors import ConfigError, EmbedderAuthError, EmbedderError
from index.tokens import fit_window
from index.vectors import unit_rows

OPENAI_ENDPOINT = "https://api.openai.com/v1"
# Dimensions of the models whose size is public; others are learned from their first reply.
KNOWN_DIMENSIONS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}


class OpenAIEmbedder:
    """Any OpenAI-compatible /embeddings endpoint; the key is read only when the client is built.

    Every argument reaches the SDK explicitly (it would otherwise read OPENAI_BASE_URL and
    friends from the environment behind the settings' back). Requests are batched under
    `batch_size` texts and `batch_tokens` tokens (OpenAI allows 2,048 inputs and 300k tokens a
    request; compatible servers often less). Network retries are the SDK's; what still fails
    becomes `EmbedderError` (exit 3), a rejected key `EmbedderAuthError` (exit 2). The window is
    OpenAI's 8,191 tokens, counted with cl100k offline (an estimate for other servers' models: a
    server that counts more refuses the text with a clear error).
    """

    window = 8191

    def __init__(
        self,
        model: str,
        api_key: str | None,
        base_url: str | None,
        timeout: float = 60.0,
        max_retries: int = 2,
        batch_size: int = 128,
        batch_tokens: int = 100_000,
    ) -> None:
        if not api_key:
            raise ConfigError("embedder 'openai' needs OPENAI_API_KEY")
        self.name = f"openai-{model}"
        self._model = model
        self._api_key = api_key
        self.endpoint = base_url or OPENAI_ENDPOINT
        self._timeout = timeout
        self._max_retries = max_retries
        self.batch_size = batch_size
        self.batch_tokens = batch_tokens
        self._dim: int | None = KNOWN_DIMENSIONS.get(model)
        self._client: Any = None
        self.requests = 0

    def _get(self) -> Any:
        if self._client is None:
            from openai import OpenAI

            self._client = OpenAI(
                api_key=self._api_key,
                base_url=self.endpoint,
                timeout=self._timeout,
                max_retries=self._max_retries,
            )
        return self._client

    def batches(self, texts: Sequence[str]) -> list[list[str]]:
        """Consecutive runs of texts under both limits (a text over the token limit goes alone)."""
        from index.tokens import count_tokens

        out: list[list[str]] = []
        current: list[str] = []
        tokens = 0
        for text in texts:
            size = count_tokens(text)
            if current and (len(current) >= self.batch_size or tokens + size > self.batch_tokens):
                out.append(current)
                current, tokens = [], 0
            current.append(text)
            tokens += size
        if current:
            out.append(current)
        return out

    def count_tokens(self, text: str) -> int:
        from index.tokens import count_tokens

        return count_tokens(text)

    def _request(self, texts: list[str]) -> np.ndarray:
        import openai

        fitted = [fit_window(text, self.count_tokens, self.window) for text in texts]
        try:
            response = self._get().embeddings.create(model=self._model, input=fitted)
        except openai.APIStatusError as exc:
            raise self._status_error(exc) from exc
        except openai.APITimeoutError as exc:
            raise EmbedderError(self.endpoint, f"timed out after {self._max_retries} retries") from exc
        except openai.APIConnectionError as exc:
            raise EmbedderError(
                self.endpoint, f"could not connect after {self._max_retries} retries"
            ) from exc
        except openai.OpenAIError as exc:
            raise EmbedderError(self.endpoint, f"unusable reply: {str(exc)[:120]}") from exc
        self.requests += 1
        data = sorted(response.data, key=lambda item: item.index)
        if len(data) != len(texts):
            raise EmbedderError(self.endpoint, f"{len(data)} vectors for {len(texts)} texts")
        vectors = np.asarray([item.embedding for item in data], dtype=np.float32)
        self._dim = int(vectors.shape[1])
        return unit_rows(vectors)

    def _status_error(self, exc: Any) -> EmbedderError:
        status = int(exc.status_code)
        if status in (401, 403):
            return EmbedderAuthError(self.endpoint, f"the API key was rejected (HTTP {status})", status)
        if status == 404:
            return EmbedderError(self.endpoint, f"model '{self._model}' is not served (HTTP 404)", status)
        if status == 429 or status >= 500:
            return EmbedderError(self.endpoint, f"HTTP {status} after {self._max_retries} retries", status)
        body = exc.body if isinstance(exc.body, dict) else {}
        detail = " ".join(str(body.get("message") or exc.message).split())[:160]
        return EmbedderError(self.endpoint, f"HTTP {status}: {detail}", status)

    @property
    def dim(self) -> int:
        """The vector size: known for OpenAI's models, else learned from a reply (one probe if needed)."""
        if self._dim is None:
            self._request(["dimension probe"])
        assert self._dim is not None
        return self._dim

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self._request(batch) for batch in self.batches(texts)])

    def embed_query(self, text: str) -> np.ndarray:
        return self._request([text])[0]
