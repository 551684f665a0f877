"""Prints streamrec's `recommendations` topic as JSON lines: {"user": ..., "list": {...}}, or
"list": null for a deleted user. Reads only committed lists (streamrec writes exactly-once).

    python3 consume_recommendations.py --bootstrap-servers localhost:9092 --group my-cache
"""
import argparse
import json
import os
import sys
import time

from confluent_kafka import Consumer

from streamrec_avro import Schemas

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic", default="recommendations")
    parser.add_argument("--group", default="streamrec-python-example")
    parser.add_argument("--schemas", default=os.path.join(HERE, "..", "..", "schemas", "standalone"))
    parser.add_argument("--max-seconds", type=float, default=None, help="stop after this long")
    args = parser.parse_args()
    schemas = Schemas(args.schemas)
    consumer = Consumer({"bootstrap.servers": args.bootstrap_servers, "group.id": args.group,
                         "auto.offset.reset": "earliest", "isolation.level": "read_committed"})
    consumer.subscribe([args.topic])
    end = None if args.max_seconds is None else time.monotonic() + args.max_seconds
    try:
        while end is None or time.monotonic() < end:
            message = consumer.poll(0.5)
            if message is None:
                continue
            if message.error():
                sys.exit("consumer error: %s" % message.error())
            value = message.value()
            listed = None if value is None else schemas.decode(value, "Recommendations")
            print(json.dumps({"user": message.key().decode("utf-8"), "list": listed}, default=str), flush=True)
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
