package org.vigil.arc.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    Instant t0 = Instant.parse("2026-11-22T10:00:00Z");
    LoginThrottle throttle = new LoginThrottle();

    @Test
    void fiveWrongPasswordsLockTheUserForAMinute() {
        for (int i = 0; i < 4; i++) throttle.recordFailure("op1", t0);
        assertThat(throttle.lockedUntil("op1", t0)).isEmpty();
        throttle.recordFailure("op1", t0);
        assertThat(throttle.lockedUntil("op1", t0)).contains(t0.plus(Duration.ofMinutes(1)));
        assertThat(throttle.lockedUntil("op1", t0.plusSeconds(61))).isEmpty();
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToFifteenMinutes() {
        for (int i = 0; i < 6; i++) throttle.recordFailure("op1", t0);
        assertThat(throttle.lockedUntil("op1", t0)).contains(t0.plus(Duration.ofMinutes(2)));
        for (int i = 0; i < 10; i++) throttle.recordFailure("op1", t0);
        assertThat(throttle.lockedUntil("op1", t0)).contains(t0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void theLockIsPerUserAndCaseInsensitiveAndASuccessResetsIt() {
        for (int i = 0; i < 5; i++) throttle.recordFailure("OP1", t0);
        assertThat(throttle.lockedUntil("op1", t0)).isPresent();
        assertThat(throttle.lockedUntil("op2", t0)).isEmpty();
        throttle.recordSuccess("op1");
        assertThat(throttle.lockedUntil("op1", t0)).isEmpty();
    }
}
