package dev.wssubprotocol.it.driver;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What an application could still observe of a handshake after it: printed by a driver on stderr, one line per
 * case it applies to, as {@code SEEN <mode>:<case> <what>}, beside the case's {@code CASE} line on stdout (which
 * stays unchanged). {@code support/Seen} checks these lines in the contract:
 * <ul>
 *   <li>{@code headers=[Name: value, ...]}: the handshake response's headers, in the container's iteration order,
 *       names spelled as the container returns them (the accept key normalized as in {@link Driver#describe},
 *       a Date header's value shown as {@code <date>})</li>
 *   <li>{@code protocols=[a, b]}: Java-WebSocket's draft's known protocols after the handshake</li>
 * </ul>
 * Only the cases whose response the agent may touch are printed: the rescued ones and the empty value.
 */
public final class Seen {
    private Seen() {
    }

    /** True for the cases a driver reports: those whose response the agent may change (and give back). */
    public static boolean applies(Case c) {
        return c.rescued || c == Case.EMPTY_VALUE;
    }

    /**
     * @param headers a header container that iterates {@code Map.Entry} of names and values (Netty 4's
     *                {@code HttpHeaders}, netty5's, ...), or null when the driver never got the response
     */
    public static void headers(Case c, String mode, Iterable<?> headers) {
        if (!applies(c) || headers == null) {
            return;
        }
        List<String> shown = new ArrayList<String>();
        for (Iterator<?> it = headers.iterator(); it.hasNext(); ) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) it.next();
            String name = String.valueOf(entry.getKey());
            // the date a library server sends changes from one run to the next
            shown.add(name + ": " + ("date".equalsIgnoreCase(name) ? "<date>" : entry.getValue()));
        }
        print(c, mode, "headers=" + shown);
    }

    /** @param protocols the names of the protocols the draft knows, in its order */
    public static void protocols(Case c, String mode, List<String> protocols) {
        if (applies(c)) {
            print(c, mode, "protocols=" + protocols);
        }
    }

    private static void print(Case c, String mode, String what) {
        System.err.println("SEEN " + mode + ":" + c.name() + " " + Driver.normalize(what));
        System.err.flush();
    }
}
