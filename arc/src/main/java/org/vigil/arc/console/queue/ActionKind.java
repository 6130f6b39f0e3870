package org.vigil.arc.console.queue;

/** The operator actions of the alarm-handling workflow; {@code path} is the URL segment used by page and API. */
public enum ActionKind {
    TAKE("take", "Take"),
    RELEASE("release", "Release"),
    RECORD_CALLBACK("callback", "Record call-back"),
    RECORD_LISTEN_IN("listen-in", "Record listen-in"),
    DESIGNATE_AUDIBLE("designate-audible", "Designate audibly confirmed"),
    DESIGNATE_VISUAL("designate-visual", "Designate visually confirmed"),
    CONTRARY_INDICATION("contrary-indication", "Record contrary indication"),
    DISPATCH_POLICE("dispatch-police", "Dispatch police"),
    INFORM_KEYHOLDER("inform-keyholder", "Inform keyholder"),
    CLOSE("close", "Close"),
    VIEW_IMAGE("view-image", "View image");

    public final String path;
    public final String label;

    ActionKind(String path, String label) {
        this.path = path;
        this.label = label;
    }

    public static java.util.Optional<ActionKind> fromPath(String p) {
        for (ActionKind k : values()) if (k.path.equals(p)) return java.util.Optional.of(k);
        return java.util.Optional.empty();
    }
}
