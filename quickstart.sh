#!/usr/bin/env bash
# Builds the agent and shows it working: a strict Netty client against a local server that omits
# Sec-WebSocket-Protocol, run once without the agent and once with it.
set -euo pipefail
cd "$(dirname "$0")"
log=$(mktemp)
# Maven's own output only when it fails
build() { mvn -B -q -Dstyle.color=never "$@" >"$log" 2>&1 || { cat "$log"; exit 1; }; }
build -DskipTests install
cd integration-tests
build dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
java -Dws.it.agentJar=../agent/target/ws-subprotocol-agent.jar -Dws.it.drivers=target/classes \
  -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" dev.wssubprotocol.it.Quickstart
