package dev.wssubprotocol.it;

import dev.wssubprotocol.it.driver.DemoClient;
import dev.wssubprotocol.it.support.Fork;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.RawServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The README's quickstart: one strict client, once without the agent and once with it. Run by ./quickstart.sh */
public final class Quickstart {
    public static void main(String[] args) throws Exception {
        try (RawServer server = new RawServer()) {
            List<Path> classpath = new ArrayList<>(List.of(Fork.DRIVERS));
            classpath.addAll(Libraries.classpath("io.netty:netty-codec-http:4.1.140.Final"));
            // the JDK running this (the README's sample names it), not the oldest one found
            Jdks.Jdk jdk = Jdks.all().stream().filter(j -> j.major() == Runtime.version().feature()).findFirst()
                    .orElseThrow();
            System.out.println("A server on " + server.base() + " selects no subprotocol and omits the header.");
            System.out.println("Netty 4.1.140.Final client offering \"chat, superchat\", " + jdk + ":");
            for (String agent : new String[] {null, ""}) {
                System.out.println();
                System.out.println(agent == null ? "$ java -cp ... DemoClient"
                        : "$ java -javaagent:agent/target/ws-subprotocol-agent.jar -cp ... DemoClient");
                Fork.Result result = Fork.run(jdk, agent, classpath, DemoClient.class.getName(), server.base());
                result.agentLines().forEach(line -> System.out.println("  " + line));
                result.stdout().forEach(System.out::println);
            }
        }
    }
}
