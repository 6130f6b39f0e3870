package org.vigil.arc.console.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AccountValidatorTest {
    AccountInput input(String id, String keyForm, String key) {
        return new AccountInput(id, "1", "Bank", "High St", keyForm, key, List.of(new Account.Path("ip", 90)),
                List.of(new Account.Schedule("Mon-Fri", "18:00", "07:30")), List.of(new Account.Keyholder("Kim", "+44 1632 960000")),
                "AB/1/I", "AB/1/H", false, "plan");
    }

    AccountValidator.Result.Invalid invalid(AccountInput in) {
        return (AccountValidator.Result.Invalid) AccountValidator.validate(in, null);
    }

    @Test
    void dc09KeysInHexOrAsciiForAes128_192_256() {
        assertThat(AccountValidator.validate(input("1234", "HEX", "00112233445566778899aabbccddeeff"), null))
                .isInstanceOfSatisfying(AccountValidator.Result.Valid.class, v -> assertThat(v.account().key()).isEqualTo("00112233445566778899AABBCCDDEEFF"));
        assertThat(AccountValidator.validate(input("1234", "ASCII", "abcdefghijklmnopqrstuvwx"), null)).isInstanceOf(AccountValidator.Result.Valid.class);
        assertThat(AccountValidator.validate(input("1234", "NONE", ""), null)).isInstanceOf(AccountValidator.Result.Valid.class);
        assertThat(invalid(input("1234", "HEX", "0011")).errors().get("key")).contains("32, 48 or 64");
        assertThat(invalid(input("1234", "HEX", "zz112233445566778899aabbccddeeff")).errors().get("key")).contains("only 0-9");
        assertThat(invalid(input("1234", "ASCII", "short")).errors().get("key")).contains("16, 24 or 32");
        assertThat(invalid(input("1234", "ROT13", "x")).errors()).containsKey("keyForm");
    }

    @Test
    void dc09AccountNumberIsThreeToSixteenHexDigits() {
        assertThat(invalid(input("12", "NONE", "")).errors()).containsKey("accountId");
        assertThat(invalid(input("12345678901234567", "NONE", "")).errors()).containsKey("accountId");
        assertThat(invalid(input("<script>", "NONE", "")).errors()).containsKey("accountId");
        assertThat(invalid(input("", "NONE", "")).errors().get("accountId")).contains("required");
    }

    @Test
    void nsiEchoGuidanceIntruderAndHoldUpHaveSeparateUrns() {
        AccountInput same = new AccountInput("1234", "", "Bank", "", "NONE", "", List.of(new Account.Path("ip", 90)), List.of(), List.of(),
                "AB/1", "AB/1", false, "");
        assertThat(invalid(same).errors().get("urnHoldUp")).contains("separate URNs");
    }

    @Test
    void overLongValuesAndBadListsAreNamed() {
        AccountInput in = new AccountInput("1234", "1234567", "n".repeat(101), "a".repeat(301), "NONE", "",
                List.of(new Account.Path("ip", 5)), List.of(new Account.Schedule("Funday", "18:00", "07:00")),
                List.of(new Account.Keyholder("Kim", "call me")), "bad urn!", null, false, "p".repeat(4001));
        assertThat(invalid(in).errors()).containsKeys("receiverPrefix", "name", "address", "paths", "schedules", "keyholders", "urnIntruder", "responsePlan");
    }

    @Test
    void editKeepsTheStoredKeyWhenNoneIsGiven() {
        Account existing = ((AccountValidator.Result.Valid) AccountValidator.validate(input("1234", "HEX", "00112233445566778899AABBCCDDEEFF"), null)).account();
        var edited = AccountValidator.validate(input("IGNORED", "HEX", ""), existing);
        assertThat(edited).isInstanceOfSatisfying(AccountValidator.Result.Valid.class, v -> {
            assertThat(v.account().key()).isEqualTo(existing.key());
            assertThat(v.account().accountId()).isEqualTo("1234");
        });
    }
}
