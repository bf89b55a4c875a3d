package org.petal.segmentation.remote;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.petal.support.PetalTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application with remote workers on ({@code auto}) and short timeouts so failure tests stay quick.
 * Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PetalTest
@TestPropertySource(properties = {
    "petal.workers.mode=auto",
    "petal.workers.token=" + RemoteWorkersApp.TOKEN,
    "petal.workers.request-timeout=" + RemoteWorkersApp.REQUEST_TIMEOUT_MS + "ms",
    "petal.workers.heartbeat-interval=300ms",
    "petal.workers.liveness-timeout=3s"})
public @interface RemoteWorkersApp {

    String TOKEN = "test-worker-token-0123456789";
    long REQUEST_TIMEOUT_MS = 2000;
}
