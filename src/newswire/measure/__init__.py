"""Measurement of the extractor on the shared development corpora (audits, off-topic rates,
coarse-class and span agreement). Reads the corpora from ``../shared/corpora``; copies nothing."""
