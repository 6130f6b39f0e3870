package org.vigil.panel.web;

import org.vigil.panel.engine.Input;
import org.vigil.panel.service.PanelService;

/** Simulator clicks straight into the panel (no MQTT). */
public final class DirectActions implements SiteActions {
  private final PanelService panel;

  public DirectActions(PanelService panel) {
    this.panel = panel;
  }

  @Override
  public void detector(String device, boolean active) {
    panel.submit(active ? new Input.DetectorActive(device) : new Input.DetectorNormal(device));
  }

  @Override
  public void tamper(String device, boolean open) {
    panel.submit(open ? new Input.TamperOpen(device) : new Input.TamperRestored(device));
  }

  @Override
  public void holdUp(String device, String action) {
    panel.submit(new Input.HoldUpOperated(device, Input.HoldUpAction.valueOf(action.toUpperCase())));
  }

  @Override
  public void card(String reader, String card, String pin) {
    panel.submit(new Input.CardPresented(reader, card, pin == null || pin.isBlank() ? null : pin));
  }

  @Override
  public void arcCompletesSetting(String area) {
    panel.submit(new Input.RemoteCommand(area, Input.RemoteAction.COMPLETE_SETTING, 0));
  }

  @Override
  public void arcRestores(String area) {
    panel.submit(new Input.RemoteCommand(area, Input.RemoteAction.RESTORE, 0));
  }
}
