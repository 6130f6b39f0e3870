package org.vigil.panel.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.panel.Sites;
import org.vigil.panel.yaml.Parsed;
import org.vigil.panel.yaml.Problem;

/** The hold-up parts of the site file: cameras' areas and the {@code holdup:} section, good and bad. */
class HoldUpConfigTest {
  static final Path BRANCH = Sites.EXAMPLES.resolve("holdup-branch.yaml");

  static Parsed<SiteConfig> branchWith(String from, String to) throws Exception {
    String text = Files.readString(BRANCH);
    assertThat(text).contains(from);
    return new SiteLoader(1).parse(text.replace(from, to), BRANCH);
  }

  static List<Problem> problems(String from, String to) throws Exception {
    Parsed<SiteConfig> p = branchWith(from, to);
    assertThat(p.ok()).as("expected the loader to refuse it").isFalse();
    return p.problems();
  }

  @Test
  void theHoldUpSectionIsRead() {
    SiteConfig s = Sites.load("holdup-branch.yaml");
    HoldUpSystem h = s.holdUp();
    assertThat(h.audioAreas()).containsExactly("banking");
    assertThat(h.visualAreas()).containsExactly("banking", "office");
    assertThat(h.audioDevices()).singleElement().satisfies(a -> assertThat(a.covers()).containsExactly("hall", "counter", "front-door"));
    assertThat(h.cieLocation()).isEqualTo("office");
    assertThat(h.imageCount()).isEqualTo(3);
    assertThat(h.imageWithin()).isEqualTo(Duration.ofSeconds(4));
    assertThat(s.camera("cam-counter").orElseThrow().areas()).containsExactly("banking");
    assertThat(s.camerasFor(s.holdUpDevice("hd-portable").orElseThrow())).extracting(Camera::id).containsExactly("cam-counter");
    assertThat(s.deviceIds()).containsEntry("ald-hall", "audio device");
  }

  @Test
  void aSiteWithoutTheHoldUpSectionGetsTheDefaults() {
    SiteConfig s = Sites.load("shop.yaml");
    assertThat(s.holdUp()).isEqualTo(HoldUpSystem.DEFAULT);
  }

  @Test
  void unknownAreaInAudioConfirmationIsAPositionedError() throws Exception {
    assertThat(problems("audio_confirmation: [banking]", "audio_confirmation: [bankin]")).singleElement().satisfies(p -> {
      assertThat(p.path()).isEqualTo("holdup.audio_confirmation");
      assertThat(p.message()).contains("undefined area 'bankin'").contains("did you mean 'banking'");
      assertThat(p.loc().line()).isGreaterThan(1);
    });
  }

  @Test
  void unknownAreaOfACameraIsAnError() throws Exception {
    assertThat(problems("    areas: [office]\n    snapshot_url", "    areas: [vault]\n    snapshot_url")).singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("cameras[1].areas"));
  }

  @Test
  void unknownAreaOfAnAudioDeviceIsAnError() throws Exception {
    assertThat(problems("      area: banking\n      covers", "      area: hall\n      covers")).singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("holdup.audio_devices[0].area"));
  }

  @Test
  void unknownKeyInTheHoldUpSectionIsAnError() throws Exception {
    assertThat(problems("  cie_location: office\n", "  cie_location: office\n  cie_locaton: hall\n")).singleElement()
        .satisfies(p -> assertThat(p.path()).contains("cie_locaton"));
  }

  @Test
  void imageCountOutOfRangeIsAnError() throws Exception {
    assertThat(problems("images: {count: 3,", "images: {count: 0,")).singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("holdup.images.count"));
  }

  @Test
  void malformedImageSpanIsAnError() throws Exception {
    assertThat(problems("within: 4s", "within: soon")).singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("holdup.images.within"));
  }

  @Test
  void duplicateAudioDeviceIdIsAnError() throws Exception {
    assertThat(problems("    - id: ald-hall", "    - id: cam-counter")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("duplicate id 'cam-counter'"));
  }

  @Test
  void nonHttpSnapshotUrlIsAnError() throws Exception {
    assertThat(problems("snapshot_url: http://10.0.0.21/snapshot.jpg", "snapshot_url: rtsp://10.0.0.21/live")).singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("cameras[0].snapshot_url"));
  }
}
