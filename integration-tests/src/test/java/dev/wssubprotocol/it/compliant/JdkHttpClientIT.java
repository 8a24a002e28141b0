package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.JdkHttpClientDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Matrix;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/** The JDK's java.net.http.WebSocket, on each JDK: already compliant, left alone by the agent. */
class JdkHttpClientIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(JdkHttpClientDriver.class, "default", "\"\"");

    /** java.net.http is in the JDK from 11 on */
    static List<Jdks.Jdk> jdks() {
        return Matrix.jdksFrom(11);
    }

    @Execution(ExecutionMode.CONCURRENT) // see junit-platform.properties
    @ParameterizedTest(name = "java.net.http on {0}")
    @MethodSource("jdks")
    void compliant(Jdks.Jdk jdk) {
        ComplianceContract.check("The JDK's `java.net.http.WebSocket` (version = the JDK's)", "`WebSocket.getSubprotocol()`",
                String.valueOf(jdk.major()), TARGET, jdk, List.of());
    }
}
