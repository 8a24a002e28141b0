package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.OkHttpDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import dev.wssubprotocol.it.support.Matrix;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static dev.wssubprotocol.it.support.Matrix.java;

/** OkHttp's WebSocket, oldest and newest of the 3.14, 4.12 and 5.x lines: already compliant, left alone. */
class OkHttpIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(OkHttpDriver.class, "default", "null");

    static Stream<Arguments> versions() {
        // Minimum Java: every line is Java 8 class files, with Okio and the Kotlin standard library it needs
        return Matrix.of(
                java(8, "3.14.0"),
                java(8, "3.14.9"),
                java(8, "4.12.0"),
                java(8, "4.12.1"),
                java(8, "5.0.0"),
                java(8, "5.5.1"));
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "OkHttp {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        // from 5.0 the "okhttp" artifact is Kotlin multiplatform metadata only; Maven builds use "okhttp-jvm"
        String artifact = version.startsWith("5.") ? "okhttp-jvm" : "okhttp";
        ComplianceContract.check("OkHttp (`com.squareup.okhttp3:okhttp`, `okhttp-jvm` from 5.0)",
                "the response's `Sec-WebSocket-Protocol`", version, TARGET, jdk, Libraries.classpath("com.squareup.okhttp3:" + artifact + ":" + version));
    }
}
