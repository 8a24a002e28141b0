package dev.wssubprotocol.agent.cli;

import java.util.Properties;

/** One JVM this command is connected to, through the JDK's attach API or its own socket client; closed after use. */
interface Vm {
    Properties systemProperties() throws Failure;

    /** Runs the agent's agentmain in the JVM and returns when it has returned. */
    void loadAgent(String jar, String options) throws Failure;

    void close();
}
