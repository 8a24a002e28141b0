package dev.wssubprotocol.it.compliant;

import dev.wssubprotocol.it.driver.NingAsyncHttpClientDriver;
import dev.wssubprotocol.it.support.ComplianceContract;
import dev.wssubprotocol.it.support.Jdks;
import dev.wssubprotocol.it.support.Libraries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/** ning AsyncHttpClient 1.9.40 (Netty 3 provider), the last release: already compliant, left alone. */
class NingAsyncHttpClientIT {
    static final ComplianceContract.Target TARGET =
            new ComplianceContract.Target(NingAsyncHttpClientDriver.class, "default", "n/a");

    static Stream<Arguments> versions() {
        return Stream.of("1.9.40").flatMap(v -> Jdks.all().stream().map(jdk -> Arguments.of(v, jdk)));
    }

    @ParameterizedTest(name = "ning AsyncHttpClient {0} on {1}")
    @MethodSource("versions")
    void compliant(String version, Jdks.Jdk jdk) {
        ComplianceContract.check("ning AsyncHttpClient (`com.ning:async-http-client`)",
                "nothing (no API for the subprotocol)", version, TARGET, jdk,
                Libraries.classpath("com.ning:async-http-client:" + version));
    }
}
