package org.vigil.panel.validate;

public enum Severity {
  ERROR,
  WARNING,
  INFO
}
