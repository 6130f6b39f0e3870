package org.vigil.arc.images;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The images in PostgreSQL (V120): fetches, images and who viewed which. Images are evidence and
 * are kept with their SHA-256; nothing here deletes.
 */
public final class ImageArchive {
  /** One [V] link of a signal and how fetching it went. */
  public record Fetch(long id, long signalId, String accountNumber, String link, String status, String detail, int attempts, Instant requestedAt, Instant finishedAt) {
    public boolean pending() {
      return "PENDING".equals(status);
    }
  }

  /** An image without its bytes; {@code viewers} maps operator to when they viewed it. */
  public record Image(long id, long fetchId, long signalId, String name, String contentType, int size, String sha256, Instant fetchedAt, Map<String, Instant> viewers) {}

  /** The bytes of one image, to serve. */
  public record Content(long id, long signalId, String contentType, byte[] bytes) {}

  private final DataSource db;

  public ImageArchive(DataSource db) {
    this.db = db;
  }

  public long startFetch(long signalId, String accountNumber, String link, Instant at) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO image_fetch (signal_id, account_number, link, status, requested_at) VALUES (?, ?, ?, 'PENDING', ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setLong(1, signalId);
      ps.setString(2, accountNumber);
      ps.setString(3, clean(link));
      ps.setTimestamp(4, Timestamp.from(at));
      ps.executeUpdate();
      try (ResultSet rs = ps.getGeneratedKeys()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Stores the images and the outcome in one transaction. */
  public void finishFetch(long fetchId, long signalId, FetchOutcome o, Instant at) throws SQLException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement ps = c.prepareStatement(
            "INSERT INTO alarm_image (fetch_id, signal_id, name, content_type, bytes, sha256, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
          for (FetchedImage img : o.images()) {
            ps.setLong(1, fetchId);
            ps.setLong(2, signalId);
            ps.setString(3, img.name());
            ps.setString(4, img.contentType());
            ps.setBytes(5, img.bytes());
            ps.setString(6, sha256(img.bytes()));
            ps.setTimestamp(7, Timestamp.from(at));
            ps.addBatch();
          }
          ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE image_fetch SET status = ?, detail = ?, attempts = ?, finished_at = ? WHERE id = ?")) {
          ps.setString(1, o.status().name());
          ps.setString(2, clean(String.join("; ", o.problems().stream().map(FetchProblem::toString).toList())));
          ps.setInt(3, o.attempts());
          ps.setTimestamp(4, Timestamp.from(at));
          ps.setLong(5, fetchId);
          ps.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /**
   * Fetches left PENDING by a stop and requested before {@code before}: marked FAILED so the operator is not told
   * to wait forever. Later ones are left for {@link AlarmImages#resumePending} to fetch again.
   */
  public int abandonPending(Instant before, Instant at) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "UPDATE image_fetch SET status = 'FAILED', detail = 'the ARC stopped while fetching; no images', finished_at = ?"
            + " WHERE status = 'PENDING' AND requested_at < ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setTimestamp(2, Timestamp.from(before));
      return ps.executeUpdate();
    }
  }

  /** Every fetch still PENDING (after a stop). */
  public List<Fetch> pending() throws SQLException {
    List<Fetch> out = new ArrayList<>();
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, signal_id, account_number, link, status, detail, attempts, requested_at, finished_at FROM image_fetch WHERE status = 'PENDING' ORDER BY id");
         ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(new Fetch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
            rs.getTimestamp(8).toInstant(), null));
      }
    }
    return out;
  }

  public List<Fetch> fetches(Collection<Long> signalIds) throws SQLException {
    List<Fetch> out = new ArrayList<>();
    if (signalIds.isEmpty()) return out;
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT id, signal_id, account_number, link, status, detail, attempts, requested_at, finished_at FROM image_fetch WHERE signal_id = ANY (?) ORDER BY id")) {
      ps.setArray(1, c.createArrayOf("bigint", signalIds.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp f = rs.getTimestamp(9);
          out.add(new Fetch(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7),
              rs.getTimestamp(8).toInstant(), f == null ? null : f.toInstant()));
        }
      }
    }
    return out;
  }

  public List<Image> images(Collection<Long> signalIds) throws SQLException {
    Map<Long, Image> out = new LinkedHashMap<>();
    if (signalIds.isEmpty()) return List.of();
    try (Connection c = db.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT id, fetch_id, signal_id, name, content_type, octet_length(bytes), sha256, fetched_at FROM alarm_image WHERE signal_id = ANY (?) ORDER BY signal_id, id")) {
        ps.setArray(1, c.createArrayOf("bigint", signalIds.toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getLong(1), new Image(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                rs.getTimestamp(8).toInstant(), new LinkedHashMap<>()));
          }
        }
      }
      if (out.isEmpty()) return List.of();
      try (PreparedStatement ps = c.prepareStatement("SELECT image_id, operator, viewed_at FROM image_view WHERE image_id = ANY (?) ORDER BY viewed_at")) {
        ps.setArray(1, c.createArrayOf("bigint", out.keySet().toArray()));
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) out.get(rs.getLong(1)).viewers().put(rs.getString(2), rs.getTimestamp(3).toInstant());
        }
      }
    }
    List<Image> l = new ArrayList<>();
    for (Image i : out.values()) l.add(new Image(i.id(), i.fetchId(), i.signalId(), i.name(), i.contentType(), i.size(), i.sha256(), i.fetchedAt(), Map.copyOf(i.viewers())));
    return l;
  }

  public Optional<Content> content(long imageId) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id, signal_id, content_type, bytes FROM alarm_image WHERE id = ?")) {
      ps.setLong(1, imageId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) return Optional.empty();
        return Optional.of(new Content(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBytes(4)));
      }
    }
  }

  /** Records that {@code operator} viewed the image (the first time counts). */
  public void markViewed(long imageId, String operator, Instant at) throws SQLException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
        "INSERT INTO image_view (image_id, operator, viewed_at) VALUES (?, ?, ?) ON CONFLICT (image_id, operator) DO NOTHING")) {
      ps.setLong(1, imageId);
      ps.setString(2, operator);
      ps.setTimestamp(3, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** PostgreSQL TEXT refuses NUL; a hostile link must not make the row fail. */
  private static String clean(String s) {
    return s == null ? "" : s.replace('\0', '?');
  }
}
