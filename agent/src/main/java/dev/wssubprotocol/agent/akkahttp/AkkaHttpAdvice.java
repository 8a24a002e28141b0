package dev.wssubprotocol.agent.akkahttp;

import akka.http.scaladsl.model.HttpResponse;
import dev.wssubprotocol.agent.Hook;
import net.bytebuddy.asm.Advice;
import scala.collection.immutable.Nil$;
import scala.collection.immutable.Seq;

/**
 * Inlined into {@code Handshake$Client$#validateResponse(HttpResponse, immutable.Seq, Sec-WebSocket-Key)} of
 * Akka HTTP 10.0 to 10.5; see {@link AkkaHttpPatch}.
 * <p>
 * The trick: when the client offered subprotocols and the response has no {@code Sec-WebSocket-Protocol} header
 * (looked up by name, so a header the library could not parse counts as present), the method sees an empty
 * offer ({@code Nil}), for which "no header" is the library's own valid answer: every other check still runs, and
 * the application sees no subprotocol. Only the method's argument is replaced; the caller's list is untouched.
 * With empty=absent, a header whose value is empty or only whitespace is treated the same way.
 */
public final class AkkaHttpAdvice {
    private AkkaHttpAdvice() {
    }

    @SuppressWarnings("rawtypes")
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean enter(@Advice.Argument(0) HttpResponse response,
                         @Advice.Argument(value = 1, readOnly = false) Seq offered) throws Exception {
        if (offered == null || offered.isEmpty()) {
            return false;
        }
        java.util.Optional<akka.http.javadsl.model.HttpHeader> header = response.getHeader("Sec-WebSocket-Protocol");
        // a missing header, or (the hook decides: empty=absent) one whose value is empty or only whitespace
        String hook = !header.isPresent() ? Hook.RESCUE
                : header.get().value().trim().isEmpty() ? Hook.RESCUE_EMPTY : null;
        if (hook == null || !Boolean.TRUE.equals(Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                .getMethod(hook, String.class, String.class, String.class)
                .invoke(null, "akka-http", "a server (URI not known here)", offered.mkString(", ")))) {
            return false;
        }
        offered = Nil$.MODULE$;
        return true;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Enter boolean emptied, @Advice.Return Object result) throws Exception {
        if (emptied && result != null && "scala.util.Right".equals(result.getClass().getName())) {
            Class.forName(Hook.CLASS_NAME, true, ClassLoader.getSystemClassLoader())
                    .getMethod(Hook.RESCUED, String.class).invoke(null, "akka-http");
        }
    }
}
