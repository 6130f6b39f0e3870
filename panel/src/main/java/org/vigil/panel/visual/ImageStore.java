package org.vigil.panel.visual;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Captured images by capture reference, kept in memory until the ARC has fetched them. Thread-safe.
 * Bounded: the oldest captures are dropped beyond {@code maxCaptures}.
 */
public final class ImageStore {
  private final Map<String, List<StoredImage>> byRef = new ConcurrentHashMap<>();
  private final List<String> order = new ArrayList<>();
  private final int maxCaptures;

  public ImageStore() {
    this(200);
  }

  public ImageStore(int maxCaptures) {
    this.maxCaptures = maxCaptures;
  }

  public synchronized void put(StoredImage image) {
    if (!byRef.containsKey(image.reference())) {
      order.add(image.reference());
      if (order.size() > maxCaptures) byRef.remove(order.remove(0));
    }
    byRef.computeIfAbsent(image.reference(), k -> new ArrayList<>()).add(image);
  }

  public synchronized List<StoredImage> list(String reference) {
    List<StoredImage> l = new ArrayList<>(byRef.getOrDefault(reference, List.of()));
    l.sort(Comparator.comparing(StoredImage::camera).thenComparingInt(StoredImage::index));
    return l;
  }

  public synchronized Optional<StoredImage> get(String reference, String name) {
    return byRef.getOrDefault(reference, List.of()).stream().filter(i -> i.name().equals(name)).findFirst();
  }
}
