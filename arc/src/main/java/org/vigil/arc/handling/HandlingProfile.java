package org.vigil.arc.handling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the handling engine needs to know about one account. A plain value: the store persists
 * it, scenarios build it, the engine only reads it. Build with {@link #builder(String)}.
 *
 * @param accountId account number as received
 * @param holdUpConfirmationTime BS8243 5.4.1.2: 8 h to 20 h
 * @param setUnsetMonitoring BS 5979 set/unset monitoring agreed with the client (7.5.3 condition 1)
 * @param schedule agreed latest setting / earliest unsetting times per weekday (absent day = premises
 *     stay closed all day)
 * @param zone time zone of the premises (schedules are local times)
 * @param keyholders in call order
 * @param callBack the call-back procedure shared with the client (BS8243 7.4 a)
 * @param intruderUrn police URN for the intruder part, or null when none (no police response)
 * @param holdUpUrn police URN for the hold-up part, or null when none
 * @param intruderConfirmationTechnology whether the intruder system is confirmed (BS8243); needed for
 *     reinstatement of intruder response
 * @param paths transmission paths with their technology (DD243 4.3 b)
 * @param multiActionDevices hold-up devices that send a second signal themselves (BS8243 3.1.28)
 * @param holdUpZones zones/devices that are hold-up devices (to recognise a hold-up inhibit, A.2.3)
 * @param duressRoute whether duress alarms are offered to the police or go to the ARC and keyholders only
 * @param policeResponseWithdrawn the administrator's record that the police have withdrawn response for the
 *     account's URNs (a letter from the police); clearing it records reinstatement
 */
public record HandlingProfile(
    String accountId,
    Duration holdUpConfirmationTime,
    boolean setUnsetMonitoring,
    Map<DayOfWeek, DaySchedule> schedule,
    ZoneId zone,
    List<Keyholder> keyholders,
    CallBackProcedure callBack,
    String intruderUrn,
    String holdUpUrn,
    boolean intruderConfirmationTechnology,
    List<TransmissionPath> paths,
    Set<String> multiActionDevices,
    Set<String> holdUpZones,
    DuressRoute duressRoute,
    boolean policeResponseWithdrawn) implements java.io.Serializable {

  public static final Duration MIN_HOLD_UP_CONFIRMATION = Duration.ofHours(8);
  public static final Duration MAX_HOLD_UP_CONFIRMATION = Duration.ofHours(20);

  /** Agreed times for one weekday: set by {@code latestSetting} in the evening, unset no earlier than {@code earliestUnsetting} in the morning. */
  public record DaySchedule(LocalTime earliestUnsetting, LocalTime latestSetting) implements java.io.Serializable {
    public DaySchedule {
      Objects.requireNonNull(earliestUnsetting, "earliestUnsetting");
      Objects.requireNonNull(latestSetting, "latestSetting");
      if (!earliestUnsetting.isBefore(latestSetting)) {
        throw new IllegalArgumentException(
            "earliest unsetting " + earliestUnsetting + " must be before latest setting " + latestSetting);
      }
    }
  }

  public record Keyholder(String name, String phone) implements java.io.Serializable {}

  /**
   * The call-back procedure: what the outcomes mean for this client.
   *
   * @param steps text shown to the operator
   * @param noAnswerConfirms whether an unanswered call-back confirms the hold-up alarm
   * @param wrongCodeWordConfirms whether a wrong or duress code word confirms it
   */
  public record CallBackProcedure(List<String> steps, boolean noAnswerConfirms, boolean wrongCodeWordConfirms) implements java.io.Serializable {
    public static CallBackProcedure standard() {
      return new CallBackProcedure(
          List.of(
              "Call the premises and ask for the code word",
              "Correct code word and all well: record FALSE",
              "Wrong code word, duress word or signs of distress: record GENUINE",
              "No answer: record NO_ANSWER"),
          true,
          true);
    }
  }

  public record TransmissionPath(String pathId, Technology technology) implements java.io.Serializable {}

  public HandlingProfile {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(holdUpConfirmationTime, "holdUpConfirmationTime");
    if (holdUpConfirmationTime.compareTo(MIN_HOLD_UP_CONFIRMATION) < 0
        || holdUpConfirmationTime.compareTo(MAX_HOLD_UP_CONFIRMATION) > 0) {
      throw new IllegalArgumentException(
          "hold-up confirmation time must be 8 h to 20 h (BS8243 5.4.1.2), was " + holdUpConfirmationTime);
    }
    schedule = Map.copyOf(schedule);
    keyholders = List.copyOf(keyholders);
    callBack = callBack == null ? CallBackProcedure.standard() : callBack;
    paths = List.copyOf(paths);
    multiActionDevices = Set.copyOf(multiActionDevices);
    holdUpZones = Set.copyOf(holdUpZones);
    // Snapshots written before the duress route existed read back a null: the behaviour they had.
    duressRoute = duressRoute == null ? DuressRoute.POLICE : duressRoute;
  }

  public Optional<TransmissionPath> path(String pathId) {
    return paths.stream().filter(p -> p.pathId().equals(pathId)).findFirst();
  }

  public static Builder builder(String accountId) {
    return new Builder(accountId);
  }

  /** Defaults: 8 h hold-up confirmation, no set/unset monitoring, UTC, standard call-back, no URNs. */
  public static final class Builder {
    private final String accountId;
    private Duration holdUpConfirmationTime = MIN_HOLD_UP_CONFIRMATION;
    private boolean setUnsetMonitoring;
    private final Map<DayOfWeek, DaySchedule> schedule = new EnumMap<>(DayOfWeek.class);
    private ZoneId zone = ZoneId.of("UTC");
    private final List<Keyholder> keyholders = new ArrayList<>();
    private CallBackProcedure callBack = CallBackProcedure.standard();
    private String intruderUrn;
    private String holdUpUrn;
    private boolean intruderConfirmationTechnology = true;
    private final List<TransmissionPath> paths = new ArrayList<>();
    private final Set<String> multiActionDevices = new LinkedHashSet<>();
    private final Set<String> holdUpZones = new LinkedHashSet<>();
    private DuressRoute duressRoute = DuressRoute.DEFAULT;
    private boolean policeResponseWithdrawn;

    private Builder(String accountId) {
      this.accountId = accountId;
    }

    public Builder holdUpConfirmationTime(Duration d) {
      holdUpConfirmationTime = d;
      return this;
    }

    public Builder setUnsetMonitoring(boolean agreed) {
      setUnsetMonitoring = agreed;
      return this;
    }

    public Builder schedule(DayOfWeek day, LocalTime earliestUnsetting, LocalTime latestSetting) {
      schedule.put(day, new DaySchedule(earliestUnsetting, latestSetting));
      return this;
    }

    /** The same agreed times every day of the week. */
    public Builder everyDay(LocalTime earliestUnsetting, LocalTime latestSetting) {
      for (DayOfWeek d : DayOfWeek.values()) schedule(d, earliestUnsetting, latestSetting);
      return this;
    }

    public Builder zone(ZoneId z) {
      zone = z;
      return this;
    }

    public Builder keyholder(String name, String phone) {
      keyholders.add(new Keyholder(name, phone));
      return this;
    }

    public Builder callBack(CallBackProcedure p) {
      callBack = p;
      return this;
    }

    public Builder intruderUrn(String urn) {
      intruderUrn = urn;
      return this;
    }

    public Builder holdUpUrn(String urn) {
      holdUpUrn = urn;
      return this;
    }

    public Builder intruderConfirmationTechnology(boolean confirmed) {
      intruderConfirmationTechnology = confirmed;
      return this;
    }

    public Builder path(String pathId, Technology technology) {
      paths.add(new TransmissionPath(pathId, technology));
      return this;
    }

    public Builder multiActionDevice(String deviceId) {
      multiActionDevices.add(deviceId);
      return this;
    }

    public Builder holdUpZone(String zoneOrDevice) {
      holdUpZones.add(zoneOrDevice);
      return this;
    }

    public Builder duressRoute(DuressRoute route) {
      duressRoute = route;
      return this;
    }

    public Builder policeResponseWithdrawn(boolean withdrawn) {
      policeResponseWithdrawn = withdrawn;
      return this;
    }

    public HandlingProfile build() {
      return new HandlingProfile(
          accountId,
          holdUpConfirmationTime,
          setUnsetMonitoring,
          schedule,
          zone,
          keyholders,
          callBack,
          intruderUrn,
          holdUpUrn,
          intruderConfirmationTechnology,
          paths,
          multiActionDevices,
          holdUpZones,
          duressRoute,
          policeResponseWithdrawn);
    }
  }
}
