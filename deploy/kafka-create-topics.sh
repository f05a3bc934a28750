#!/usr/bin/env bash
# One-shot topic setup for docker-compose (service kafka-init, apache/kafka image).
#
# Why not let topics be auto-created: records are keyed by proposal id, and one proposal's
# events stay in order only while the partition count of a topic never changes. Auto-creation
# would fix that count by accident (the binder asks for 1 partition, the broker default is
# whatever num.partitions says), and the outbox producer's topics would only appear with the first
# event. So every topic is created here, before any service starts, with an explicit count.
#
# Environment:
#   BOOTSTRAP_SERVER   broker to talk to (default kafka:9092)
#   TOPIC_PARTITIONS   partitions of every topic (default 3); raising it later re-keys the topic
#   TOPIC_REPLICATION  replication factor (default 1: a single broker)
#   RETENTION_MS       retention of the event topics (default 31536000000 = 365 days: the events
#                      carry proposals' free texts, see docs/datenschutz.md; -1 keeps them forever,
#                      so a consumer group added later could build its copy from the whole history)
#   KAFKA_TOPICS_SH    the kafka-topics tool (default: the apache/kafka image's)
set -euo pipefail

bootstrap="${BOOTSTRAP_SERVER:-kafka:9092}"
partitions="${TOPIC_PARTITIONS:-3}"
replication="${TOPIC_REPLICATION:-1}"
retention="${RETENTION_MS:-31536000000}"
topics_sh="${KAFKA_TOPICS_SH:-/opt/kafka/bin/kafka-topics.sh}"

# <topic> <retention.ms>
create() {
  "${topics_sh}" --bootstrap-server "${bootstrap}" --create --if-not-exists \
    --topic "$1" --partitions "${partitions}" --replication-factor "${replication}" \
    --config "retention.ms=$2"
}

# The event topics, one per publishing service (proposal-events module: topic constants).
create proposal-events "${retention}"
create review-events "${retention}"
create notification-events "${retention}"

# Dead-letter topics error.<topic>.<group>, one per consumer binding in the services'
# application.yml. Kept 30 days: long enough to notice, inspect and replay a poison message.
dead_letter_retention=2592000000
create error.proposal-events.review-service "${dead_letter_retention}"
create error.proposal-events.notification-service "${dead_letter_retention}"
create error.review-events.proposal-service "${dead_letter_retention}"
create error.review-events.notification-service "${dead_letter_retention}"
create error.notification-events.proposal-service "${dead_letter_retention}"

"${topics_sh}" --bootstrap-server "${bootstrap}" --describe --topics-with-overrides
