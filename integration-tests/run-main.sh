#!/usr/bin/env bash
# Builds the project and runs one main class of the integration tests' test sources with their class path:
# the README's quickstart and the start-up benchmark. Usage: integration-tests/run-main.sh MAIN_CLASS [ARGS...]
# WS_IT_MAJORS=8,17,21 keeps the forked JVMs to those JDKs (-Dws.it.majors; default: every JDK found).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
# Maven's own output only when it fails
build() { mvn -B -q -Dstyle.color=never "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }; }
build -DskipTests install
cd integration-tests
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
main=$1
shift
exec java ${WS_IT_MAJORS:+-Dws.it.majors=$WS_IT_MAJORS} -Dws.it.agentJar="$PWD/../agent/target/ws-subprotocol-agent.jar" -Dws.it.drivers="$PWD/target/classes" \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" "$main" "$@"
