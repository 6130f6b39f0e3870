package org.vigil.arc.account;

import java.util.List;
import java.util.stream.Collectors;

/** An account definition was refused; carries every problem found, not just the first. */
public final class InvalidAccountException extends Exception {
  private final List<AccountProblem> problems;

  public InvalidAccountException(List<AccountProblem> problems) {
    super(problems.stream().map(AccountProblem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<AccountProblem> problems() {
    return problems;
  }
}
