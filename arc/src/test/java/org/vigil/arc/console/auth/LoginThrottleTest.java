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
    void randomUserNamesDoNotGrowMemoryButLocksSurvive() {
        for (int i = 0; i < 5; i++) throttle.recordFailure("victim", t0);
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 50; i++) throttle.recordFailure("guess" + i, t0);
        assertThat(throttle.lockedUntil("victim", t0)).isPresent();
    }

    @Test
    void sessionsExpireWhenIdleOrAfterAShift() {
        SessionStore store = new SessionStore();
        Operator op = new Operator(1, "op1", "Op", Role.OPERATOR, true, t0);
        Session s = store.open(op, t0);
        assertThat(store.find(s.id(), t0.plus(Duration.ofMinutes(29)))).isPresent();
        assertThat(store.find(s.id(), t0.plus(Duration.ofMinutes(29 + 31)))).isEmpty();
        Session busy = store.open(op, t0);
        for (int m = 20; m < 12 * 60; m += 20) assertThat(store.find(busy.id(), t0.plus(Duration.ofMinutes(m)))).isPresent();
        assertThat(store.find(busy.id(), t0.plus(Duration.ofHours(12)).plusSeconds(1))).isEmpty();
        assertThat(s.csrfToken()).isNotEqualTo(s.id()).hasSizeGreaterThan(40);
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
