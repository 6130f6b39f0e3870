package org.vigil.arc.console.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    PasswordHasher hasher = new PasswordHasher(1000);

    @Test
    void hashIsSaltedPbkdf2AndNeverContainsThePassword() {
        String a = hasher.hash("s3cret password");
        String b = hasher.hash("s3cret password");
        assertThat(a).startsWith("pbkdf2-sha256$1000$").doesNotContain("s3cret");
        assertThat(a).isNotEqualTo(b); // per-user salt
        assertThat(hasher.verify("s3cret password", a)).isTrue();
        assertThat(hasher.verify("s3cret passwore", a)).isFalse();
    }

    @Test
    void iterationCountTravelsWithTheHash() {
        String old = new PasswordHasher(2000).hash("pw");
        assertThat(hasher.verify("pw", old)).isTrue();
    }

    @Test
    void defaultIsTheOwaspIterationCount() {
        assertThat(PasswordHasher.DEFAULT_ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void malformedStoredHashesNeverMatch() {
        for (String bad : new String[] {"", "plain", "pbkdf2-sha256$x$y$z", "pbkdf2-sha256$1000$!!!$???", "md5$1$a$b", null})
            assertThat(hasher.verify("pw", bad)).isFalse();
        assertThat(hasher.verify(null, hasher.hash("pw"))).isFalse();
    }

    @Test
    void randomInitialPasswordsAreLongAndDiffer() {
        assertThat(PasswordHasher.randomPassword()).hasSize(20).isNotEqualTo(PasswordHasher.randomPassword());
    }
}
