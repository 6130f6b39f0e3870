package org.vigil.arc.account;

/** One reason an account definition is refused, naming the field so a form or a CSV line can point at it. */
public record AccountProblem(String field, String message) {
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
