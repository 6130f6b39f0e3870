package org.vigil.arc.handling;

import java.time.Instant;
import java.util.List;

/** Work for an operator: a call-back or informing a keyholder. */
public record Task(
    String id,
    Kind kind,
    String alarmId,
    Instant createdAt,
    String rule,
    List<String> instructions,
    Status status,
    String outcome) implements java.io.Serializable {

  public enum Kind {
    CALL_BACK,
    INFORM_KEYHOLDER
  }

  public enum Status {
    OPEN,
    DONE,
    NOT_NEEDED
  }

  public Task {
    instructions = List.copyOf(instructions);
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  Task closed(Status s, String why) {
    return new Task(id, kind, alarmId, createdAt, rule, instructions, s, why);
  }
}
