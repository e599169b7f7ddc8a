"""The LLM client layer: structured, validated, cached and logged chat calls to any OpenAI-compatible endpoint.

The flow of one `ChatClient.structured(messages, Schema, prompt_ident=…)` call:

    request   the body the SDK will send (model, messages, response_format by `capability`,
              temperature, max_tokens) and its key: sha256 of canonical JSON of body + prompt ident
    cache     `ResponseCache.get(key)`: a hit skips the network (no HTTP request at all)
    client    the real `openai.OpenAI` client, built from `LLMConfig` with explicit base_url, key,
              timeout and max_retries; network retries (429, 5xx, connection) are the SDK's only;
              SDK exceptions, refusals, truncation and content filters become typed errors
    validate  `<think>` blocks and fences stripped, JSON parsed, pydantic validation, then the
              caller's `validate` hook (e.g. "this quote is not in the cited passage"); a failure
              appends the raw reply and the problems and re-asks, at most `max_reasks` times,
              then raises `InvalidOutputError`
    call log  one `CallLog` row per attempt (tokens, latency, cache hit, outcome, cost, key)
    cache     the whole chain is stored once its last reply validated; errors never are

    client = ChatClient(
        LLMConfig(api_key=settings.openai_api_key, base_url=settings.openai_base_url),
        cache=ResponseCache(home / "cache"),            # ResponseCache(..., enabled=False): --no-cache
        call_log=CallLog(home / "llm-calls.sqlite"),
        command="ask",
    )
    result = client.structured(messages, AnswerOut, prompt_ident=prompt.ident, validate=check_quotes)
    result.value, result.usage, result.attempts, result.cache_hit, result.cost_usd

Replay is the same path with `base_url` pointed at a `ReplayServer` serving cassettes keyed by
the same hash; `Recorder` writes them from a real endpoint.

Modules (one job each): `config` (LLMConfig, key masking), `errors` (typed errors, exit codes),
`keys` (the request hash), `schema` (strict JSON schemas), `output` (reply text -> model),
`failures` (SDK exceptions -> typed errors), `client` (ChatClient), `results` (Usage,
StructuredResult), `budget` (token counts, packing, cost), `cache`, `calllog`, `replay`.
Nothing is re-exported here, so importing the errors never imports the `openai` SDK.
"""
