package dev.wssubprotocol.agent.weave;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On an advice class: how to tell, from the target method's bytecode, that this version of the library has the
 * strict check the advice works around. A version without it accepts a response without
 * {@code Sec-WebSocket-Protocol} on its own and is left unchanged ({@link NotStrict}). Read from the class file,
 * never loaded.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface StrictCheck {
    /**
     * A field of the target class that the method reads only to compare the response's subprotocol with what the
     * client offered (Netty: {@code expectedSubprotocol}).
     */
    String readsField();
}
