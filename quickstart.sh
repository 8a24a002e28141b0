#!/usr/bin/env bash
# Builds the agent and shows it working: a strict Netty client against a local server that omits
# Sec-WebSocket-Protocol, run once without the agent and once with it.
exec "$(dirname "$0")/integration-tests/run-main.sh" dev.wssubprotocol.it.Quickstart
