"""The quotediff engine from Python.

    import quotediff
    report = quotediff.compare(release_text, article_text)   # the JSON report, as a dict
    hashes = quotediff.shingles(text)                         # the scan's shingle hashes

The comparison is the Rust engine's (the same as `quotediff report --format json`); the
archive scan on Spark is `python -m quotediff.spark scan --sources ... --articles ... --out ...`.
"""

import json

from ._quotediff import (Releases, compare_json, day_numbers, defaults, least_shared,
                         max_sources_per_shingle, scan_pair, shingle_batch, shingles)

__all__ = ["compare", "shingles", "shingle_batch", "day_numbers", "Releases", "scan_pair",
           "defaults", "max_sources_per_shingle", "least_shared"]


def compare(source, article, no_details=False):
    """The JSON report of `article` compared with `source`, as a dict."""
    return json.loads(compare_json(source, article, no_details))
