#!/usr/bin/env python3
"""PySpark check, outside CI (PySpark is a 300 MB install with a JVM): cleans a DataFrame
column with unscrape.spark.clean_column on local[2] and compares every row with the CLI.
Also pipes the same JSONL through `unscrape clean` with RDD.pipe, the way to run the CLI
itself under Spark.

Texts: every devdata article dump when ../shared/devdata is here, else the bundled
readability dumps. Set-up and run (Java 17 on the machine):

  python3 -m venv target/spark-venv
  target/spark-venv/bin/pip install pyspark "pandas<3" pyarrow ./python
  target/spark-venv/bin/python scripts/spark_check.py
"""
import json
import os
import subprocess
import sys
from pathlib import Path

from pyspark.sql import SparkSession

import unscrape.spark

ROOT = Path(__file__).resolve().parents[1]
DEVDATA = Path(os.environ.get("SHARED", ROOT.parent / "shared")) / "devdata"


def records():
    dumps = sorted((DEVDATA / "dumps").glob("*/article/*.txt"))
    if dumps:
        return [{"id": str(p), "text": p.read_text(encoding="utf-8")} for p in dumps]
    lines = (ROOT / "fixtures" / "bench" / "readability-dumps.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in lines.splitlines()]


def main():
    rows = records()
    binary = ROOT / "target" / "release" / "unscrape"
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "unscrape"], cwd=ROOT, check=True)
    jsonl = "".join(json.dumps(r) + "\n" for r in rows).encode()
    out = subprocess.run([str(binary), "clean", "--quiet"], input=jsonl, capture_output=True, check=True).stdout
    expected = {r["id"]: r["text"] for r in map(json.loads, out.decode().splitlines())}

    # Spark's Python workers run this interpreter (its venv has unscrape and pandas).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = SparkSession.builder.master("local[2]").appName("unscrape-check").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    df = spark.createDataFrame([(r["id"], r["text"]) for r in rows], ["id", "text"]).repartition(4)
    cleaned = {row.id: row.text for row in unscrape.spark.clean_column(df, "text").collect()}
    udf_mismatches = [i for i, text in expected.items() if cleaned.get(i) != text]

    # The CLI under Spark: each partition's JSONL lines through `unscrape clean` on stdin.
    piped_lines = (spark.sparkContext.parallelize([json.dumps(r) for r in rows], 4)
                   .pipe(f"{binary} clean --quiet").collect())
    piped = {r["id"]: r["text"] for r in map(json.loads, piped_lines)}
    pipe_mismatches = [i for i, text in expected.items() if piped.get(i) != text]
    spark.stop()

    print(f"{len(rows)} texts; clean_column on local[2]: {len(rows) - len(udf_mismatches)} match the CLI; "
          f"RDD.pipe through the CLI: {len(rows) - len(pipe_mismatches)} match")
    if udf_mismatches or pipe_mismatches:
        print("mismatches:", udf_mismatches[:5], pipe_mismatches[:5], file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
