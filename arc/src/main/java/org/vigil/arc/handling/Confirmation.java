package org.vigil.arc.handling;

/** How an alarm came to be confirmed, if it is. */
public enum Confirmation {
  UNCONFIRMED,
  /** Sequential confirmation by signal processing (CIE or ARC), BS8243 7.3.2 / H.7.3. */
  SEQUENTIAL,
  /** Operator, after the listen-in, BS8243 7.1.2. */
  AUDIBLE,
  /** Operator, after viewing every image, BS8243 7.2.2. */
  VISUAL,
  /** Telephone call-back outcome, BS8243 7.4. */
  CALL_BACK,
  /** ATS fault evidence, DD243 4.3. */
  TRANSMISSION_FAULT;

  public boolean confirmed() {
    return this != UNCONFIRMED;
  }
}
