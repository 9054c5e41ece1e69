"""The Spark job in local mode gives the same pairs and figures as `quotediff scan`, and the
bindings' comparison is the command-line report. Run by .ci/run (needs Java and PySpark):

    python -m pytest python/tests
"""

import glob
import json
import os
import subprocess

import quotediff
from quotediff import spark as job

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
BINARY = os.path.join(REPO, "target", "release", "quotediff")


def records(lines):
    return sorted((json.loads(line) for line in lines if line.strip()),
                  key=lambda r: (r["article_id"], r["source_id"]))


def test_spark_local_mode_finds_the_same_pairs_and_figures_as_quotediff_scan(tmp_path):
    archive = tmp_path / "archive"
    subprocess.run(["python3", os.path.join(REPO, "scripts", "make_archive.py"), "--out",
                    str(archive), "--articles", "400", "--releases", "40"], check=True)
    sources, articles = str(archive / "releases.jsonl"), str(archive / "articles.jsonl")
    subprocess.run([BINARY, "scan", "--sources", sources, "--articles", articles,
                    "--out", str(tmp_path / "cli.jsonl")], check=True)
    with open(tmp_path / "cli.jsonl", encoding="utf-8") as f:
        expected = records(f)
    assert len(expected) > 80

    out = tmp_path / "spark"
    assert job.main(["scan", "--sources", sources, "--articles", articles, "--out", str(out),
                     "--master", "local[2]"]) == 0
    lines = []
    for part in sorted(glob.glob(str(out / "part-*"))):
        with open(part, encoding="utf-8") as f:
            lines.extend(f)
    assert records(lines) == expected


def test_compare_gives_the_report_of_the_command_line():
    gold = os.path.join(REPO, "..", "shared", "gold", "seed-nyc")
    source, article = (os.path.join(gold, name) for name in ("source.txt", "article.txt"))
    cli = subprocess.run([BINARY, "report", "--format", "json", source, article],
                         check=True, capture_output=True, text=True)
    expected = json.loads(cli.stdout)
    with open(source, encoding="utf-8") as s, open(article, encoding="utf-8") as a:
        report = quotediff.compare(s.read(), a.read())
    for key in ("matches", "quotes", "stats"):
        assert report[key] == expected[key]
    assert len(quotediff.shingles("one two three four five six")) == 2
