#!/usr/bin/env bash
# What carrying the agent costs: start-up, runtime attach and handshake benchmarks (see bench/Benchmarks).
# Usage: ./benchmark.sh [runs per variant, default 12] [JMH forks per run, default 5; 0: no JMH] [JMH runs per variant, default 1]
# JDKs: every one found (see support/Jdks), or WS_IT_MAJORS=8,17,21 ./benchmark.sh ... for some.
# The handshake benchmark alone: integration-tests/run-main.sh dev.wssubprotocol.it.bench.HandshakeBenchmark FORKS RUNS [JDK]
exec "$(dirname "$0")/integration-tests/run-main.sh" dev.wssubprotocol.it.bench.Benchmarks "$@"
