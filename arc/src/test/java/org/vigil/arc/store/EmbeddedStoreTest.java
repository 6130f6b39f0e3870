package org.vigil.arc.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.arc.account.Account;
import org.vigil.arc.account.AccountRepository;

/** The one-command store: real PostgreSQL in the data folder, durable, surviving restarts. */
class EmbeddedStoreTest {
  @TempDir Path data;

  static String setting(Database db, String name) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SHOW " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void commitsAreDurableAndDataSurvivesARestart() throws Exception {
    try (EmbeddedStore store = EmbeddedStore.start(data); Database db = Database.open(store.jdbcUrl(), null, null, 2)) {
      // acknowledging after commit means nothing if the commit is not on disk
      assertThat(setting(db, "fsync")).isEqualTo("on");
      assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
      new AccountRepository(db.dataSource()).create(Account.of("1234"));
      assertThat(EmbeddedStore.runningUrl(data)).contains(store.jdbcUrl());
    }
    assertThat(EmbeddedStore.runningUrl(data)).isEmpty();
    try (EmbeddedStore store = EmbeddedStore.start(data); Database db = Database.open(store.jdbcUrl(), null, null, 2)) {
      assertThat(new AccountRepository(db.dataSource()).find("1234", "", "")).isPresent();
    }
  }
}
