package org.petal.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Form login with BCrypt for people, HTTP Basic for scripts. Only authentication happens here; which role
 * may do what, and on whose work, is decided in the services.
 *
 * <p>CSRF: browser sessions must send the {@code XSRF-TOKEN} cookie's value back as {@code X-XSRF-TOKEN} on
 * every state-changing request. Requests that carry their own {@code Authorization} header are exempt: a
 * browser never adds that header by itself, so a forged cross-site request cannot carry it.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final RequestMatcher CARRIES_CREDENTIALS =
        (HttpServletRequest r) -> r.getHeader("Authorization") != null;

    /**
     * Vaadin's own requests carry Vaadin's CSRF protection and are checked by Vaadin: UIDL and heartbeat
     * ({@code v-r}) a token in their payload, uploads and downloads ({@code /VAADIN/dynamic/resource/UI/KEY/...})
     * a random per-element key in the path that Vaadin verifies against the session. Spring's cookie token is
     * not sent by Vaadin's client.
     */
    private static final RequestMatcher VAADIN_INTERNAL = (HttpServletRequest r) -> r.getParameter("v-r") != null
        || r.getRequestURI().startsWith("/VAADIN/dynamic/resource/");

    private static final RequestMatcher API = (HttpServletRequest r) -> r.getRequestURI().startsWith("/api/")
        || r.getRequestURI().startsWith("/ws/");

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/login", "/error", "/v3/api-docs/**", "/actuator/health").permitAll()
                .anyRequest().authenticated())
            .formLogin(f -> f.permitAll())
            .httpBasic(b -> b.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
            .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                .ignoringRequestMatchers(CARRIES_CREDENTIALS, VAADIN_INTERNAL))
            // Scripts and the viewer's fetches get a status, not the login page's HTML.
            .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                API))
            .logout(l -> l.permitAll());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
