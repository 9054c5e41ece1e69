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
2. Comparison: each candidate pair compared by the Rust engine in `mapInPandas`; kept pairs
   written as JSON Lines (one text file per partition) or Parquet.

Sources are read on the driver (thousands of releases); articles are read by Spark, as JSON
Lines or Parquet with the columns id, text and optionally date, url, title.
"""

import argparse
import json
import sys

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


def plan(spark, sources, articles_path, min_share, no_details, min_quote_words=None):
    """The DataFrame of kept pairs: one column `line`, the JSON record."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    from pyspark.sql import types as T

    _, max_candidates, window_days, _ = quotediff.defaults()
    limit = quotediff.max_sources_per_shingle(len(sources))
    shingle_udf = F.udf(quotediff.shingles, T.ArrayType(T.LongType()))
    day = lambda column: F.to_date(F.substring(column, 1, 10))

    src = spark.createDataFrame(
        [(n, entry_json(s), s.get("date")) for n, s in enumerate(sources)],
        "source INT, source_json STRING, source_date STRING",
    )
    src_text = F.get_json_object("source_json", "$.text")
    src_sh = src.select("source", F.explode(shingle_udf(src_text)).alias("h"))
    kept = src_sh.groupBy("h").agg(F.count("*").alias("df")).where(F.col("df") <= limit)
    src_sh = src_sh.join(kept.select("h"), "h")

    reader = spark.read.parquet if articles_path.endswith(".parquet") else spark.read.json
    art = reader(articles_path)
    for field in ARTICLE_FIELDS:
        if field not in art.columns:
            art = art.withColumn(field, F.lit(None).cast("string"))
    art = art.select(F.col("id").cast("string").alias("article_id"),
                     F.to_json(F.struct(*[F.col(f).cast("string").alias(f) for f in ARTICLE_FIELDS]))
                     .alias("article_json"),
                     F.col("date").cast("string").alias("article_date"),
                     F.col("text"))
    least_udf = F.udf(lambda n: quotediff.least_shared(n, min_share), T.IntegerType())
    art_sh = art.select("article_id", F.array_distinct(shingle_udf("text")).alias("hs"))
    least = art_sh.select("article_id", least_udf(F.size("hs")).alias("least"))
    art_sh = art_sh.select("article_id", F.explode("hs").alias("h"))

    shared = (art_sh.join(src_sh, "h")
              .groupBy("article_id", "source").agg(F.count("*").alias("shared"))
              .join(least, "article_id")
              .where(F.col("shared") >= F.col("least"))
              .drop("least"))
    dated = (shared.join(src.select("source", "source_date"), "source")
             .join(art.select("article_id", "article_date"), "article_id"))
    gap = F.datediff(day("article_date"), day("source_date"))
    in_window = gap.isNull() | ((gap >= 0) & (gap <= window_days))
    rank = Window.partitionBy("article_id").orderBy(F.desc("shared"), F.asc("source"))
    candidates = (dated.where(in_window)
                  .withColumn("rank", F.row_number().over(rank))
                  .where(F.col("rank") <= max_candidates)
                  .select("article_id", "source", "shared"))
    pairs = (candidates.join(src.select("source", "source_json"), "source")
             .join(art.select("article_id", "article_json"), "article_id"))

    def compare_batches(frames):
        import pandas as pd
        for frame in frames:
            keep = {} if min_quote_words is None else {"min_quote_words": min_quote_words}
            lines = [quotediff.scan_pair(s, a, int(n), min_share, no_details, **keep)
                     for s, a, n in zip(frame.source_json, frame.article_json, frame.shared)]
            yield pd.DataFrame({"line": [line for line in lines if line is not None]})

    return pairs.mapInPandas(compare_batches, "line STRING")


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
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession
    # No broadcast joins: Spark takes the releases' exploded shingles (millions of rows for
    # 10,000 releases) for a small table and runs out of driver memory broadcasting them;
    # shuffled joins scale from a laptop to a cluster.
    builder = (SparkSession.builder.appName("quotediff scan")
               .config("spark.sql.autoBroadcastJoinThreshold", "-1"))
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
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
