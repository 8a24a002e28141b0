package dev.wssubprotocol.it.driver;

/** An application that uses no WebSocket library at all. */
public final class Hello {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
