package org.petal.segmentation.remote;

import jakarta.servlet.http.HttpServletRequest;
import org.petal.ml.worker.WorkerProtocol;
import org.petal.segmentation.InferenceWorker;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Wires remote workers in beside the browser's socket, without touching it:
 * <ul>
 * <li>{@code /ws/worker} exists only when {@code petal.workers.mode} is {@code remote} or {@code auto}
 *     (in-process, the default, answers 404 there);</li>
 * <li>its handshake passes Spring Security without a user login — the shared token, checked by
 *     {@link WorkerTokenCheck}, is the credential — through a filter chain of its own, ordered before the
 *     application's chain in {@code SecurityConfig};</li>
 * <li>the {@link InferenceWorker} sittings get: the in-process worker itself in {@code in-process} mode,
 *     else a {@link SelectingWorker} over it and the {@link RemoteWorker}.</li>
 * </ul>
 */
@Configuration
class RemoteWorkersConfig implements WebSocketConfigurer {

    private static final RequestMatcher WORKER_SOCKET =
        (HttpServletRequest r) -> r.getRequestURI().equals(r.getContextPath() + WorkerProtocol.PATH);

    private final WorkerProperties properties;
    private final WorkerSocketHandler handler;

    RemoteWorkersConfig(WorkerProperties properties, WorkerSocketHandler handler) {
        this.properties = properties;
        this.handler = handler;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        if (properties.remoteEnabled()) {
            // No allowed origins, as for /ws/annotate: a page of another site cannot open it in a browser.
            registry.addHandler(handler, WorkerProtocol.PATH).addInterceptors(new WorkerTokenCheck(properties.token()));
        }
    }

    /**
     * Workers are programs, not people: no session, no CSRF token (no cookie is involved, so there is nothing
     * to forge), no login page. Everything else about the request is the token check's job.
     */
    @Bean
    @Order(1)
    SecurityFilterChain workerSocketSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher(WORKER_SOCKET)
            .authorizeHttpRequests(a -> a.anyRequest().permitAll())
            .csrf(c -> c.disable())
            .requestCache(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Primary
    InferenceWorker inferenceWorker(@Qualifier("inProcessWorker") InferenceWorker inProcess, RemoteWorker remote,
                                    WorkerRegistry registry) {
        if (!properties.remoteEnabled()) {
            return inProcess;  // exactly the path that existed before remote workers
        }
        return new SelectingWorker(inProcess, remote, registry, properties.mode());
    }
}
