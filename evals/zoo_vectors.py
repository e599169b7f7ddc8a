"""Write the zoo's seed vectors: `python -m evals.zoo_vectors` (`make zoo-vectors`).

Ingests the zoo into a scratch folder and asks its questions, as the zoo suite does, and writes
the vector of every chunk and every question it embedded to `evals/zoo/vectors.npz`
(index/embed_seed.py says why the file exists). Run it and commit the file when the zoo suite's
notes say many chunks or questions were embedded (new series, a chunking change, a planner that
rewrites questions otherwise): the rewrite keeps only the vectors the zoo asks for now.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.embed import CACHE_FILE, CachedEmbedder, query_model
from index.embed_seed import cached_digests, prime_cache, write_seed
from summarizer.config import load_settings
from summarizer.evals.zoo import SEED, run_zoo
from summarizer.evals.zoo_gold import ZOO
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as home:
        settings = load_settings(
            None, {"home": Path(home), "embedder": "local", "engine": "local", "ingest_jobs": 0}
        )
        settings.chroma_url = None
        workspace = Workspace(settings)
        embedder = workspace.embedder
        if not isinstance(embedder, CachedEmbedder):
            raise SystemExit("the zoo's embedder has no cache to write from")
        cache = settings.cache_dir / CACHE_FILE
        prime_cache(cache, root / SEED, embedder.name, questions=False)
        ingest_paths(workspace, [(root / ZOO / "reports").resolve()], prune=True)
        workspace.close()
        # The suite itself on the same folder: its ingest finds nothing changed, and its questions
        # (the seed's question vectors left out above) are each embedded and cached once.
        run_zoo(root, Path(home), seed=False)
        questions = cached_digests(cache, query_model(embedder.name))
        count = write_seed(cache, embedder.asked, embedder.name, root / SEED, questions)
        print(
            f"{SEED}: {count} vectors ({embedder.misses} chunks embedded now, the rest from the old"
            f" file; {len(questions)} questions)"
        )


if __name__ == "__main__":
    main()
