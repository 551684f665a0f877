"""Publishes events to streamrec's `interactions` topic: one JSON object per input line,
{"user": ..., "item": ..., "type": "VIEW"|"CLICK"|..., "value": optional number}, keyed by user.

    python3 produce_events.py --bootstrap-servers localhost:9092 < events.jsonl
"""
import argparse
import datetime
import json
import os
import sys

from confluent_kafka import Producer

from streamrec_avro import Schemas

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bootstrap-servers", required=True)
    parser.add_argument("--topic", default="interactions")
    parser.add_argument("--schemas", default=os.path.join(HERE, "..", "..", "schemas", "standalone"))
    args = parser.parse_args()
    schemas = Schemas(args.schemas)
    producer = Producer({"bootstrap.servers": args.bootstrap_servers, "acks": "all", "enable.idempotence": True})
    count = 0
    for line in sys.stdin:
        if not line.strip():
            continue
        event = json.loads(line)
        record = {"user": event["user"], "item": event["item"], "type": event["type"],
                  "value": event.get("value"), "session": event.get("session"),
                  "timestamp": datetime.datetime.now(datetime.timezone.utc)}
        producer.produce(args.topic, key=event["user"].encode("utf-8"), value=schemas.encode("Interaction", record))
        count += 1
    if producer.flush(30) != 0:
        sys.exit("could not deliver every event within 30 s")
    print("produced %d events" % count)


if __name__ == "__main__":
    main()
