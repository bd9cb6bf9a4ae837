"""The stack without Docker: Tansu (a Kafka-compatible broker) and SecantusDB (a MongoDB
wire-protocol server), both installed from PyPI, plus the three services as local processes."""
