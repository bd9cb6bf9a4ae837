"""`aiguillage bench`: throughput, latency and cost of the pipeline on the local servers, next to
two raw aiokafka baselines with the same guarantees (see docs/benchmark.md)."""
