package org.chunkedupload.azure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.chunkedupload.testsupport.LocalServer;
import org.junit.jupiter.api.Test;

/**
 * The harness's Azurite stops when asked. Azurite 3.37 with telemetry on (its default) keeps running
 * after SIGTERM, so every test class waited out the harness's 10 s grace and then killed it; the
 * harness now starts it with {@code --disableTelemetry}, which also keeps test runs from reporting
 * to Microsoft.
 */
class AzuriteStopTest {
    @Test
    void exitsOnSigterm() {
        LocalServer azurite = Azurite.start();
        try {
            assertTrue(azurite.terminate(Duration.ofSeconds(5)),
                    "Azurite was still running 5 s after SIGTERM:\n" + azurite.logTail());
        } finally {
            azurite.close();
        }
    }
}
