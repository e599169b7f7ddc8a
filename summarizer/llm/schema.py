"""Pydantic models as strict JSON schemas, the form OpenAI's `strict: true` accepts.

Every property required, `additionalProperties: false` on every object, no defaults, `$ref`s
with sibling keywords inlined. Tuples (`prefixItems`) and free-form mappings cannot be strict:
they raise `TypeError`, because model-facing schemas are meant to be designed to fit.
"""

from __future__ import annotations

import copy
from typing import Any

from pydantic import BaseModel


def strict_json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return _strict(schema, root=copy.deepcopy(schema), path="#")


def _strict(node: dict[str, Any], *, root: dict[str, Any], path: str) -> dict[str, Any]:
    if "prefixItems" in node:
        raise TypeError(f"{path}: a tuple (prefixItems) cannot be strict; use a list or a model")
    node.pop("default", None)
    ref = node.get("$ref")
    if isinstance(ref, str) and len(node) > 1:
        # Strict mode wants a bare $ref; pydantic puts `description` beside it, so inline the target.
        target = _resolve(root, ref)
        merged = {**copy.deepcopy(target), **{k: v for k, v in node.items() if k != "$ref"}}
        return _strict(merged, root=root, path=path)
    for key in ("$defs", "properties"):
        children = node.get(key)
        if isinstance(children, dict):
            node[key] = {
                name: _strict(child, root=root, path=f"{path}/{key}/{name}")
                for name, child in children.items()
            }
    if node.get("type") == "object" or "properties" in node:
        extra = node.get("additionalProperties")
        if extra not in (None, False):
            raise TypeError(f"{path}: a free-form mapping cannot be strict; use a list of models")
        node["additionalProperties"] = False
        node["required"] = list(node.get("properties", {}))
    items = node.get("items")
    if isinstance(items, dict):
        node["items"] = _strict(items, root=root, path=f"{path}/items")
    for key in ("anyOf", "allOf", "oneOf"):
        variants = node.get(key)
        if isinstance(variants, list):
            node[key] = [_strict(v, root=root, path=f"{path}/{key}/{i}") for i, v in enumerate(variants)]
    return node


def _resolve(root: dict[str, Any], ref: str) -> dict[str, Any]:
    if not ref.startswith("#/"):
        raise TypeError(f"unsupported $ref {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    if not isinstance(node, dict):
        raise TypeError(f"$ref {ref!r} does not name a schema")
    return node
