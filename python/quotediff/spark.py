"""`quotediff scan` as a Spark plan, for archives that outgrow one machine.

    python -m quotediff.spark scan --sources releases.jsonl --articles archive.jsonl --out results
    spark-submit --master yarn "$(python -c 'import quotediff.spark as s; print(s.__file__)')" \
        scan --sources ... --articles ... --out ...        # on a cluster, the wheel on every node

The two stages of the command-line scan, with the same rules (the Rust bindings give the
shingles, the defaults and each pair's record, so the figures are the same):

1. Candidates: the sources' shingles exploded, those in too many sources dropped as
   boilerplate (document frequency), the articles' shingles exploded and joined to them,
   shared shingles counted per (article, source), those sharing fewer than the least asked
   of the article's length dropped, the date window applied, and the 20
   sources sharing most kept per article (ties: the source read first).
2. Comparison: each article's candidates grouped, and the article compared with them by
   the Rust engine in `mapInArrow` (the sources read once per Python worker, each one's
   language told once); kept pairs written as JSON Lines (one text file per partition) or
   Parquet.

Sources are read on the driver (thousands of releases); articles are read by Spark, as JSON
Lines or Parquet with the columns id, text and optionally date, url, title.
"""

import argparse
import json
import os
import sys
import uuid

import quotediff

ARTICLE_FIELDS = ["id", "text", "date", "url", "title"]

# The columns of `--format parquet`: the fields of a JSON line (`quotediff::scan::record`).
RECORD_SCHEMA = (
    "source_id STRING, article_id STRING, source_date STRING, article_date STRING, "
    "article_title STRING, article_url STRING, shared_shingles LONG, "
    "article_from_source DOUBLE, source_in_article DOUBLE, "
    "quotes MAP<STRING, LONG>, differences MAP<STRING, LONG>, "
    "longest STRUCT<kind: STRING, words: LONG, source_start: LONG, source_end: LONG, "
    "article_start: LONG, article_end: LONG, text: STRING>"
)


def read_sources(path):
    """The sources as a list of dicts in file order (their number breaks ties)."""
    if path.endswith(".parquet"):
        import pyarrow.parquet as pq
        return pq.read_table(path).to_pylist()
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def entry_json(row):
    entry = {k: row.get(k) for k in ARTICLE_FIELDS if row.get(k) is not None}
    entry["id"] = str(entry["id"])
    return json.dumps(entry, ensure_ascii=False)


def _hash_lists(offsets, values):
    """An Arrow list<int64> column from the bytes `quotediff.shingle_batch` returns."""
    import pyarrow as pa
    hashes = pa.Array.from_buffers(pa.int64(), len(values) // 8, [None, pa.py_buffer(values)])
    return pa.ListArray.from_arrays(
        pa.Array.from_buffers(pa.int32(), len(offsets) // 4, [None, pa.py_buffer(offsets)]), hashes)


def _text(value):
    return None if value is None else str(value)


def shingle_batches(batches, min_share):
    """Each Arrow batch of (key, text, date) as (key, least, day, hs): the distinct shingle
    hashes of each text from the Rust shingler in one call per batch, the fewest a source must
    share with it, its day number for the date window."""
    import pyarrow as pa
    for batch in batches:
        texts = batch.column("text").to_pylist()
        offsets, values, least = quotediff.shingle_batch(texts, min_share)
        days = quotediff.day_numbers([_text(d) for d in batch.column("date").to_pylist()])
        yield pa.RecordBatch.from_arrays(
            [batch.column("key"), pa.array(least, pa.int32()), pa.array(days, pa.int64()),
             _hash_lists(offsets, values)],
            names=["key", "least", "day", "hs"])


_RELEASES = {}


def releases_of(lines, settings):
    """The sources prepared by the Rust engine (each one's language told), once per Python
    worker: Spark reuses its workers, so later tasks find them here."""
    key = settings
    if key not in _RELEASES:
        _RELEASES.clear()
        _, min_share, no_details, min_quote_words = settings
        keep = {} if min_quote_words is None else {"min_quote_words": min_quote_words}
        _RELEASES[key] = quotediff.Releases(lines.value, min_share, no_details, **keep)
    return _RELEASES[key]


def compare_batches(batches, lines, settings):
    """Each Arrow batch of articles with their grouped candidates as the JSON lines of the
    kept pairs, compared by the Rust engine."""
    import pyarrow as pa
    from quotediff import spark as job   # the worker's module, whose cache outlives a task
    releases = job.releases_of(lines, settings)
    for batch in batches:
        columns = [batch.column(name).to_pylist() for name in ARTICLE_FIELDS]
        candidates = batch.column("candidates").to_pylist()
        out = []
        for (article_id, text, date, url, title), found in zip(zip(*columns), candidates):
            out.extend(releases.pairs(article_id, text, date, url, title,
                                      [c["source"] for c in found], [c["shared"] for c in found]))
        yield pa.RecordBatch.from_arrays([pa.array(out, pa.string())], names=["line"])


def read_articles(spark, path):
    """The articles with the archive's columns as text and a row key, read by Spark."""
    from pyspark.sql import functions as F
    if path.endswith(".parquet"):
        art = spark.read.parquet(path)
        for field in ARTICLE_FIELDS:
            if field not in art.columns:
                art = art.withColumn(field, F.lit(None))
    else:
        # A schema given: no pass over the whole archive to infer one (a number as id is
        # read as its text, as `quotediff scan` reads it).
        art = spark.read.schema(", ".join(f"{f} STRING" for f in ARTICLE_FIELDS)).json(path)
    return art.select(*[F.col(f).cast("string").alias(f) for f in ARTICLE_FIELDS]) \
        .withColumn("key", F.monotonically_increasing_id())


def source_table(spark, sources):
    """The sources as a small table (number, text, date): shingled in the plan like the
    articles (handing Spark the exploded hashes from the driver cost more than shingling)."""
    import pyarrow as pa
    table = pa.table({"key": pa.array(range(len(sources)), pa.int64()),
                      "text": pa.array([_text(s.get("text")) for s in sources], pa.string()),
                      "date": pa.array([_text(s.get("date")) for s in sources], pa.string())})
    return spark.createDataFrame(table)


def plan(spark, sources, articles_path, min_share, no_details, min_quote_words=None):
    """The DataFrame of kept pairs: one column `line`, the JSON record."""
    from pyspark.sql import functions as F

    _, max_candidates, window_days, _ = quotediff.defaults()
    limit = quotediff.max_sources_per_shingle(len(sources))

    # Boilerplate: the shingles in more than `limit` sources (few) counted out and dropped.
    src_sh = (source_table(spark, sources)
              .mapInArrow(lambda b: shingle_batches(b, min_share),
                          "key LONG, least INT, day LONG, hs ARRAY<LONG>")
              .select(F.col("key").cast("int").alias("source"), F.col("day").alias("source_day"),
                      F.explode("hs").alias("h"))
              .cache())
    src_sh.count()   # made once here: the count and the join below would both make it at once
    common = src_sh.groupBy("h").count().where(F.col("count") > limit).select("h")
    src_sh = src_sh.join(F.broadcast(common), "h", "left_anti")

    art = read_articles(spark, articles_path)
    art_sh = art.select("key", "text", "date") \
        .mapInArrow(lambda b: shingle_batches(b, min_share),
                    "key LONG, least INT, day LONG, hs ARRAY<LONG>") \
        .select("key", "least", "day", F.explode("hs").alias("h"))

    # The releases' shingles (boilerplate out) are broadcast to every task: the articles'
    # exploded shingles, by far the most rows, are then never shuffled.
    gap = F.col("day") - F.col("source_day")
    in_window = F.col("day").isNull() | F.col("source_day").isNull() | \
        gap.between(0, window_days)
    shared = (art_sh.join(F.broadcast(src_sh), "h").where(in_window)
              .groupBy("key", "least", "source").agg(F.count("*").alias("shared"))
              .where(F.col("shared") >= F.col("least")))
    # The `max_candidates` sources sharing most per article (ties: the source read first).
    ranked = F.sort_array(F.collect_list(F.struct((-F.col("shared")).alias("rank"), "source")))
    candidates = (shared.groupBy("key").agg(F.slice(ranked, 1, max_candidates).alias("c"))
                  .select("key", F.transform("c", lambda c: F.struct(
                      c["source"].alias("source"), (-c["rank"]).alias("shared")))
                      .alias("candidates")))
    pairs = art.join(F.broadcast(candidates), "key").select(*ARTICLE_FIELDS, "candidates")

    lines = spark.sparkContext.broadcast([entry_json(s) for s in sources])
    # The first field tells one job's sources from another's in a worker that outlives a job.
    settings = (uuid.uuid4().hex, min_share, no_details, min_quote_words)
    return pairs.mapInArrow(lambda b: compare_batches(b, lines, settings), "line STRING")


def tune(spark, partitions):
    """Partitions sized for the cores: Spark's 200 shuffle partitions are 200 tasks of a few
    rows each on a laptop; the archive is read in at least as many splits as there are
    partitions, so that every core shingles and compares."""
    partitions = partitions or 2 * spark.sparkContext.defaultParallelism
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    spark.conf.set("spark.sql.files.minPartitionNum", str(partitions))


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m quotediff.spark")
    commands = parser.add_subparsers(dest="command", required=True)
    scan = commands.add_parser("scan", help="find which articles took what from which releases")
    scan.add_argument("--sources", required=True, help="JSON Lines or Parquet (read on the driver)")
    scan.add_argument("--articles", required=True, help="JSON Lines or Parquet")
    scan.add_argument("--out", required=True, help="a folder of JSON Lines part files (or Parquet)")
    scan.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    scan.add_argument("--min-share", type=float, default=quotediff.defaults()[3])
    scan.add_argument("--min-quote-words", type=int, default=None,
                      help="keep a pair below --min-share only on a quotation sharing this many "
                           "words (default: quotediff scan's)")
    scan.add_argument("--no-details", action="store_true")
    scan.add_argument("--master", default=None,
                      help="Spark master (default: spark-submit's, local[*] under python -m)")
    scan.add_argument("--partitions", type=int, default=None,
                      help="shuffle partitions and least input splits (default: twice the cores)")
    scan.add_argument("--driver-memory", default="3g",
                      help="the driver's memory under python -m (default: 3g)")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession
    # The Python workers run this interpreter (a virtual environment's, with these bindings),
    # not whichever `python3` comes first on the PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    # No broadcast joins but the two the plan asks for: left to itself Spark may take a large
    # exploded table for a small one. The driver's memory (set here for `python -m`, by
    # spark-submit otherwise) holds the releases' broadcast shingles.
    builder = (SparkSession.builder.appName("quotediff scan")
               .config("spark.sql.autoBroadcastJoinThreshold", "-1")
               .config("spark.driver.memory", args.driver_memory))
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    tune(spark, args.partitions)
    kept = plan(spark, read_sources(args.sources), args.articles, args.min_share, args.no_details,
                args.min_quote_words)
    if args.format == "parquet":
        from pyspark.sql import functions as F
        kept.select(F.from_json("line", RECORD_SCHEMA).alias("record")).select("record.*") \
            .write.mode("overwrite").parquet(args.out)
    else:
        kept.write.mode("overwrite").text(args.out)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
