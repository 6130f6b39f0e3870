package org.vigil.panel.visual;

import java.time.Instant;

/**
 * One captured image of a hold-up alarm.
 *
 * @param reference the capture it belongs to ({@code CaptureImages.reference})
 * @param name file name within the capture, e.g. {@code cam-counter-1.jpg}
 * @param index 1 for the image at the HUA, 2.. for the following ones
 * @param plannedAt when the engine asked for it
 * @param receivedAt when the camera's answer arrived
 */
public record StoredImage(String reference, String name, String camera, int index, Instant plannedAt, Instant receivedAt, String contentType, byte[] data) {}
