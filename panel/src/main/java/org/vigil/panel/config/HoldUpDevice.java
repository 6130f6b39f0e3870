package org.vigil.panel.config;

import java.time.Duration;
import java.util.List;

/**
 * A hold-up device (HD).
 *
 * @param dedicated the device has no other function (4.5 e for portable HDs)
 * @param engineerEnabled enabled by the engineer (4.5 b: HD on CIE/ACE engineer programmed only)
 * @param syncWindow the window within which both buttons must be pressed
 * @param coverage named regions of the site plan where the HD is used (camera/ALD coverage 5.2.2,
 *     5.3.1)
 * @param keypad for {@link HoldUpType#ON_CIE}: the keypad carrying the HD keys, or null for the CIE
 */
public record HoldUpDevice(
    String id,
    int zone,
    String area,
    String name,
    HoldUpType type,
    boolean dedicated,
    boolean engineerEnabled,
    boolean silent,
    Duration syncWindow,
    List<String> coverage,
    String keypad,
    String busId) {}
