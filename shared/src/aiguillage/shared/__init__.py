"""What the Aiguillage services share: the domain vocabulary, event schemas, settings, logging,
and the Kafka and MongoDB helpers."""
