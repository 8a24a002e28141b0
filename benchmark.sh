#!/usr/bin/env bash
# Start-up cost of carrying the agent: see StartupBenchmark. Usage: ./benchmark.sh [runs per variant, default 12]
exec "$(dirname "$0")/integration-tests/run-main.sh" dev.wssubprotocol.it.bench.StartupBenchmark "$@"
