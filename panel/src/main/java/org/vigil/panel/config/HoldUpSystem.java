package org.vigil.panel.config;

import java.time.Duration;
import java.util.List;

/**
 * Site-wide settings of the hold-up alarm system (HAS) beyond the devices themselves: which areas use
 * audio or visual confirmation, the listening devices, where the CIE and the notification equipment
 * are (for the 5.2.2 coverage check), and the image capture plan (5.3.1).
 *
 * @param audioAreas areas with audio confirmation of hold-up alarms (5.2.2)
 * @param visualAreas areas with visual confirmation (5.3); every area with an assigned camera
 *     captures images anyway, this list only drives the 5.3.1 coverage check
 * @param cieLocation region of the site plan where the CIE is (null: not given)
 * @param notificationLocation region where the notification (ATS) equipment is (null: not given)
 * @param imageCount images per camera after a HUA (at least 3, 5.3.1)
 * @param imageWithin all images within this time of the HUA (at most 5 s, 5.3.1)
 * @param imageTimeout how long the shell waits for one snapshot before reporting the camera slow
 */
public record HoldUpSystem(
    List<String> audioAreas,
    List<String> visualAreas,
    List<AudioDevice> audioDevices,
    String cieLocation,
    String notificationLocation,
    int imageCount,
    Duration imageWithin,
    Duration imageTimeout) {

  public static final HoldUpSystem DEFAULT = new HoldUpSystem(List.of(), List.of(), List.of(), null, null, 3, Duration.ofSeconds(4), Duration.ofSeconds(2));
}
