package org.vigil.panel.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Parses YAML text into a {@link YNode} tree with positions. Duplicate keys are an error (a silent
 * last-wins would hide an installer's mistake).
 */
public final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTree() {}

  public static YNode parse(String text, String file) throws YamlSyntaxException {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new YamlSyntaxException(new Loc(file, 1, 1), "the file is empty");
      }
      YNode root = read(p, t, file);
      return root;
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      Loc loc = l == null ? new Loc(file, 1, 1) : new Loc(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
      String msg = e.getOriginalMessage();
      int nl = msg == null ? -1 : msg.indexOf('\n');
      if (nl > 0) msg = msg.substring(0, nl);
      throw new YamlSyntaxException(loc, "malformed YAML: " + msg);
    } catch (IOException e) {
      throw new YamlSyntaxException(new Loc(file, 1, 1), "cannot read YAML: " + e.getMessage());
    }
  }

  private static Loc loc(JsonParser p, String file) {
    JsonLocation l = p.currentTokenLocation();
    return new Loc(file, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  private static YNode read(JsonParser p, JsonToken t, String file) throws IOException, YamlSyntaxException {
    Loc at = loc(p, file);
    switch (t) {
      case START_OBJECT -> {
        LinkedHashMap<String, YNode.Entry> entries = new LinkedHashMap<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_OBJECT) {
          if (n != JsonToken.FIELD_NAME) throw new YamlSyntaxException(loc(p, file), "expected a key");
          String key = p.currentName();
          Loc keyLoc = loc(p, file);
          YNode value = read(p, p.nextToken(), file);
          if (entries.containsKey(key)) {
            throw new YamlSyntaxException(keyLoc, "duplicate key '" + key + "' (first at line " + entries.get(key).keyLoc().line() + ")");
          }
          entries.put(key, new YNode.Entry(key, keyLoc, value));
        }
        return new YNode.YMap(at, entries);
      }
      case START_ARRAY -> {
        List<YNode> items = new ArrayList<>();
        JsonToken n;
        while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(read(p, n, file));
        }
        return new YNode.YList(at, items);
      }
      case VALUE_NULL -> {
        return new YNode.YScalar(at, null, false);
      }
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_EMBEDDED_OBJECT -> {
        return new YNode.YScalar(at, p.getText(), false);
      }
      default -> throw new YamlSyntaxException(at, "unexpected YAML token " + t);
    }
  }
}
