package org.vigil.panel.simulate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.panel.engine.Effect;

/**
 * Effects as flat maps: {@code effect} (the kind) then each record component in snake_case. Used for
 * JSON Lines output, the text timeline and scenario matching, so a new effect record needs no code
 * here.
 */
public final class EffectJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EffectJson() {}

  public static Map<String, Object> fields(Effect e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("effect", e.kind());
    for (RecordComponent c : e.getClass().getRecordComponents()) {
      try {
        Object v = c.getAccessor().invoke(e);
        if (v == null) continue;
        if (v instanceof Enum<?> en) v = en.name();
        // Times as ISO-8601 text (plain Jackson has no java.time support), also inside lists.
        if (v instanceof java.util.Collection<?> col) v = col.stream().map(EffectJson::plain).toList();
        else v = plain(v);
        m.put(snake(c.getName()), v);
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return m;
  }

  private static Object plain(Object v) {
    return v instanceof java.time.temporal.Temporal || v instanceof java.time.Duration ? v.toString() : v;
  }

  /** Field names an effect kind can have (for validating scenario expectations). */
  public static List<String> fieldNames(Class<? extends Effect> type) {
    List<String> out = new ArrayList<>();
    out.add("effect");
    for (RecordComponent c : type.getRecordComponents()) out.add(snake(c.getName()));
    return out;
  }

  public static String jsonLine(Instant at, Effect e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("t", at.toString());
    m.putAll(fields(e));
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  /** A readable timeline line: time, offset from start, kind and fields, rule last. */
  public static String textLine(Instant start, Instant at, Effect e) {
    Map<String, Object> m = fields(e);
    StringBuilder b = new StringBuilder();
    b.append(at.toString(), 11, 19).append("  +").append(offset(java.time.Duration.between(start, at))).append("  ");
    b.append(String.format("%-12s", m.remove("effect")));
    Object rule = m.remove("rule");
    Object text = m.containsKey("text") ? m.remove("text") : m.remove("message");
    m.forEach((k, v) -> b.append(' ').append(k).append('=').append(v));
    if (text != null) b.append("  \"").append(text).append('"');
    if (rule != null) b.append("  [").append(rule).append(']');
    return b.toString();
  }

  private static String offset(java.time.Duration d) {
    long s = d.getSeconds();
    return String.format("%02d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  static String snake(String camel) {
    StringBuilder b = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) b.append('_').append(Character.toLowerCase(ch));
      else b.append(ch);
    }
    return b.toString();
  }

  /** Effect kinds by name, for scenario validation. */
  public static Map<String, Class<? extends Effect>> kinds() {
    Map<String, Class<? extends Effect>> m = new LinkedHashMap<>();
    for (Class<?> c : Effect.class.getPermittedSubclasses()) {
      @SuppressWarnings("unchecked")
      Class<? extends Effect> ec = (Class<? extends Effect>) c;
      try {
        // kind() is constant per record type; read it from the record's default instance-free name.
        m.put(kindOf(ec), ec);
      } catch (ReflectiveOperationException ex) {
        throw new IllegalStateException(ex);
      }
    }
    return m;
  }

  private static String kindOf(Class<? extends Effect> c) throws ReflectiveOperationException {
    RecordComponent[] rc = c.getRecordComponents();
    Class<?>[] types = new Class<?>[rc.length];
    Object[] args = new Object[rc.length];
    for (int i = 0; i < rc.length; i++) {
      types[i] = rc[i].getType();
      args[i] = defaultValue(types[i]);
    }
    return ((Effect) c.getDeclaredConstructor(types).newInstance(args)).kind();
  }

  private static Object defaultValue(Class<?> t) {
    if (t == boolean.class) return false;
    if (t == int.class) return 0;
    if (t == long.class) return 0L;
    if (t == double.class) return 0.0;
    return null;
  }
}
