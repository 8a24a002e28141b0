package dev.wssubprotocol.agent;

import dev.wssubprotocol.agent.patch.Patches;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private static final Map<String, String> NO_ENV = Collections.emptyMap();
    /** Every patch id, as options and messages list them. */
    private static final String ALL = Options.ids(Patches.ALL, ",");
    private static final String VALID = "[" + Options.ids(Patches.ALL, ", ") + "]";

    private static Options parse(String args) {
        return Options.parse(args, new Properties(), NO_ENV);
    }

    @Test
    void defaultsSelectEveryPatch() {
        Options o = parse(null);
        assertEquals("patches=" + ALL + ";mode=patch;log=info;empty=reject", o.summary);
        assertTrue(!o.emptyIsAbsent());
    }

    @Test
    void listItemsWithoutEqualsContinueTheOptionBefore() {
        Options o = parse("patches=java-websocket,netty,log=quiet");
        assertEquals("patches=netty,java-websocket;mode=patch;log=quiet;empty=reject", o.summary, "in the order of Patches.ALL");
        assertEquals(0, o.logLevel());
    }

    @Test
    void excludeRemovesAPatch() {
        assertEquals("patches=" + ALL.replace("netty,", "") + ";mode=report;log=info;empty=reject",
                parse("exclude=netty,mode=report").summary);
    }

    @Test
    void agentArgumentsBeatSystemPropertiesWhichBeatTheEnvironment() {
        Properties system = new Properties();
        system.setProperty("ws.subprotocol.agent.log", "debug");
        system.setProperty("ws.subprotocol.agent.mode", "report");
        Map<String, String> env = new HashMap<String, String>();
        env.put("WS_SUBPROTOCOL_AGENT_LOG", "quiet");
        env.put("WS_SUBPROTOCOL_AGENT_MODE", "patch");
        env.put("WS_SUBPROTOCOL_AGENT_PATCHES", "netty");
        Options o = Options.parse("mode=patch", system, env);
        assertEquals("patches=netty;mode=patch;log=debug;empty=reject", o.summary);
    }

    @Test
    void badOptionsNameTheProblemAndTheValidChoices() {
        assertMessage("unknown option 'colour' (valid keys: [patches, exclude, mode, log, empty])", "colour=red");
        assertMessage("bad value 'loud' for option 'log' (valid: [quiet, info, debug])", "log=loud");
        assertMessage("bad value 'fix' for option 'mode' (valid: [patch, report])", "mode=fix");
        assertMessage("unknown patch 'jetty' in option 'patches' (valid: " + VALID + " or all)", "patches=netty,jetty");
        assertMessage("unknown patch '' in option 'exclude' (valid: " + VALID + ")", "exclude=");
        assertMessage("malformed agent argument 'quiet' (expected key=value; valid keys: [patches, exclude, mode, log, empty])",
                "quiet");
        assertMessage("option 'log' is given twice", "log=info,log=quiet");
        assertMessage("bad value 'accept' for option 'empty' (valid: [reject, absent])", "empty=accept");
    }

    @Test
    void emptyIsReadFromArgumentsSystemPropertiesAndTheEnvironment() {
        assertTrue(parse("empty=absent").emptyIsAbsent());
        assertTrue(parse("log=quiet,empty=absent").summary.endsWith(";log=quiet;empty=absent"));
        assertTrue(!parse("empty=reject").emptyIsAbsent());
        Properties system = new Properties();
        system.setProperty("ws.subprotocol.agent.empty", "absent");
        assertTrue(Options.parse(null, system, NO_ENV).emptyIsAbsent());
        Map<String, String> env = Collections.singletonMap("WS_SUBPROTOCOL_AGENT_EMPTY", "absent");
        assertTrue(Options.parse(null, new Properties(), env).emptyIsAbsent());
        assertTrue(!Options.parse("empty=reject", new Properties(), env).emptyIsAbsent(), "arguments first");
    }

    @Test
    void anIdThatCoversSeveralClassesIsListedOnce() {
        assertEquals(1, ALL.split("paho-mqtt", -1).length - 1, ALL);
        assertEquals("patches=paho-mqtt;mode=patch;log=info;empty=reject", parse("patches=paho-mqtt").summary);
        assertEquals(2, parse("patches=paho-mqtt").patches.size(), "v3 and v5");
    }

    @Test
    void unknownSystemPropertiesAndVariablesAreErrors() {
        Properties system = new Properties();
        system.setProperty("ws.subprotocol.agent.patch", "netty");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(null, system, NO_ENV));
        assertTrue(e.getMessage().startsWith("unknown system property -Dws.subprotocol.agent.patch"), e.getMessage());
        Map<String, String> env = Collections.singletonMap("WS_SUBPROTOCOL_AGENT_LEVEL", "x");
        e = assertThrows(IllegalArgumentException.class, () -> Options.parse(null, new Properties(), env));
        assertTrue(e.getMessage().startsWith("unknown environment variable WS_SUBPROTOCOL_AGENT_LEVEL"), e.getMessage());
    }

    @Test
    void theStatusPropertyIsNotAnOption() {
        Properties system = new Properties();
        system.setProperty(Status.PROPERTY, "version=dev");
        assertEquals("patches=" + ALL + ";mode=patch;log=info;empty=reject", Options.parse(null, system, NO_ENV).summary);
    }

    private static void assertMessage(String expected, String args) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage());
    }
}
