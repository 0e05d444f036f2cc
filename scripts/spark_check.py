"""Spark job of scripts/spark_check.sh: analyze map through RDD.pipe.

    python spark_check.py IN.jsonl OUT_DIR ANALYZE PARTITIONS

Reads IN.jsonl with Spark local[2] into PARTITIONS partitions, pipes each
partition through one `ANALYZE map --quiet --jobs 1` process (RDD.pipe,
checkCode: a failing process fails the task), saves the result as text files
in OUT_DIR (part-00000, ... in partition order, that is in input order), and
prints one JSON line of figures: partitions, the number of input records of
each partition, and the job's wall time. The shell script then checks the
saved output against the single-process output.
"""

import json
import os
import sys
import time

from pyspark import SparkConf, SparkContext


def main() -> int:
    inp, out_dir, analyze, parts = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("analyze-map-check")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.memory", "2g")
        .set("spark.local.dir", os.environ.get("SPARK_LOCAL_DIRS", "/tmp"))
    )
    t0 = time.time()
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    t1 = time.time()
    records = sc.textFile("file://" + os.path.abspath(inp), minPartitions=parts)
    analyzed = records.pipe(f"{analyze} map --quiet --jobs 1", checkCode=True)
    analyzed.saveAsTextFile("file://" + os.path.abspath(out_dir))
    t2 = time.time()
    # the input records of each partition (a second read of the input, no pipe)
    per_partition = records.glom().map(len).collect()
    version, partitions = sc.version, records.getNumPartitions()
    sc.stop()
    print(
        json.dumps(
            {
                "spark": version,
                "partitions": partitions,
                "records_per_partition": per_partition,
                "startup_s": round(t1 - t0, 2),
                "job_s": round(t2 - t1, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
