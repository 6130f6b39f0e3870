package org.vigil.arc.console.queue;

/** What an operator asks the desk to do. Free text is already length-checked by the console. */
public sealed interface AlarmCommand {
    ActionKind kind();

    record Take() implements AlarmCommand { public ActionKind kind() { return ActionKind.TAKE; } }
    record Release() implements AlarmCommand { public ActionKind kind() { return ActionKind.RELEASE; } }
    record RecordCallback(CallbackOutcome outcome, String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.RECORD_CALLBACK; } }
    record RecordListenIn(int seconds, String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.RECORD_LISTEN_IN; } }
    record DesignateAudible(String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.DESIGNATE_AUDIBLE; } }
    record DesignateVisual(String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.DESIGNATE_VISUAL; } }
    record ContraryIndication(String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.CONTRARY_INDICATION; } }
    record DispatchPolice(String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.DISPATCH_POLICE; } }
    record InformKeyholder(String keyholder, boolean reached, String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.INFORM_KEYHOLDER; } }
    record Close(CloseCause cause, String note) implements AlarmCommand { public ActionKind kind() { return ActionKind.CLOSE; } }
    record ViewImage(String imageId) implements AlarmCommand { public ActionKind kind() { return ActionKind.VIEW_IMAGE; } }
}
