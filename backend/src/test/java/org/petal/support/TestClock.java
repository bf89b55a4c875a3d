package org.petal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The server's clock in tests: the system clock, until a test sets a time; then the clock stands still at
 * that time until the test moves it or {@link #release()}s it. Lets a test record events at known server times
 * through the real services. Tests run one at a time in the shared context, so a test that sets the time must
 * release it when it ends.
 */
public final class TestClock extends Clock {

    private volatile Instant fixed;

    /** From now on the server's time is {@code t}. */
    public void set(Instant t) {
        fixed = t;
    }

    /** Moves a set clock forward. */
    public void advance(Duration d) {
        if (fixed == null) {
            throw new IllegalStateException("set the clock before advancing it");
        }
        fixed = fixed.plus(d);
    }

    /** Back to the system clock. */
    public void release() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant t = fixed;
        return t != null ? t : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Petal's clock is UTC");
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
