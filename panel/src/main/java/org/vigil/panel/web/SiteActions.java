package org.vigil.panel.web;

/**
 * What the site-simulator page can do to the site. The demo publishes each click to the MQTT broker
 * as the real device would (so the whole path device -> broker -> panel runs); {@link DirectActions}
 * feeds the panel directly.
 */
public interface SiteActions {
  /** Detector (or switch) active or back to normal. */
  void detector(String device, boolean active);

  void tamper(String device, boolean open);

  /** Hold-up device action: press_both, press_one, second_action, release, reset. */
  void holdUp(String device, String action);

  void card(String reader, String card, String pin);

  /** The ARC completes setting of an area (BS 8243 6.3 e). */
  void arcCompletesSetting(String area);

  /** The ARC restores an area after a confirmed alarm (remote reset, BS 8243 A.3 / BS 8473). */
  void arcRestores(String area);
}
