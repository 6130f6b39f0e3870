package org.vigil.panel.config;

/** Which rule set the site is designed to: BS 8243 (police-response UK) or plain EN 50131. */
public enum Profile {
  BS8243,
  EN50131
}
