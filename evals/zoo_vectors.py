"""Write the zoo's seed vectors: `python -m evals.zoo_vectors` (`make zoo-vectors`).

Ingests the zoo into a scratch folder, as the zoo suite does, and writes the vector of every chunk
it embedded to `evals/zoo/vectors.npz` (index/embed_seed.py says why the file exists). Run it and
commit the file when the zoo suite's notes say many chunks were embedded (new series, or a chunking
change): the rewrite keeps only the vectors of the chunks the zoo has now.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from index.embed import CACHE_FILE, CachedEmbedder
from index.embed_seed import prime_cache, write_seed
from summarizer.config import load_settings
from summarizer.evals.zoo import SEED
from summarizer.evals.zoo_gold import ZOO
from summarizer.pipelines.ingest import ingest_paths
from summarizer.workspace import Workspace


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as home:
        settings = load_settings(None, {"home": Path(home), "embedder": "local", "engine": "local"})
        settings.chroma_url = None
        workspace = Workspace(settings)
        embedder = workspace.embedder
        if not isinstance(embedder, CachedEmbedder):
            raise SystemExit("the zoo's embedder has no cache to write from")
        prime_cache(settings.cache_dir / CACHE_FILE, root / SEED, embedder.name)
        ingest_paths(workspace, [(root / ZOO / "reports").resolve()], prune=True)
        count = write_seed(settings.cache_dir / CACHE_FILE, embedder.asked, embedder.name, root / SEED)
        print(f"{SEED}: {count} vectors ({embedder.misses} embedded now, the rest from the old file)")


if __name__ == "__main__":
    main()
