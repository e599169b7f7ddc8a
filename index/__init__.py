"""The data side of summarizer: load, parse, chunk, embed, store, retrieve, ledger.

Nothing here imports the CLI or the pipelines of the `summarizer` package.
"""

import os

# One BLAS thread per process, unless the user set otherwise. The numpy work here is a question's
# product with the stored vectors and other small arrays, where OpenBLAS's extra threads only spin:
# on the zoo's questions one thread gave the same answers in the same wall time with 40% less CPU
# (220 -> 125 CPU-s), and processes side by side (the eval's question workers, the unit tests beside
# them) no longer take each other's cores. Read when numpy loads, so it is set before any import of it.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
