package org.vigil.panel.yaml;

import java.util.List;

/** Result of reading a file: the value, or every problem found. Never an exception for bad input. */
public sealed interface Parsed<T> {
  record Ok<T>(T value) implements Parsed<T> {}

  record Failed<T>(List<Problem> problems) implements Parsed<T> {}

  default boolean ok() {
    return this instanceof Ok<T>;
  }

  /** The value; throws {@link IllegalStateException} listing the problems when there is none. */
  default T orThrow() {
    return switch (this) {
      case Ok<T> o -> o.value();
      case Failed<T> f -> throw new IllegalStateException("invalid input:\n" + String.join("\n", f.problems().stream().map(Problem::toString).toList()));
    };
  }

  default List<Problem> problems() {
    return this instanceof Failed<T> f ? f.problems() : List.of();
  }
}
