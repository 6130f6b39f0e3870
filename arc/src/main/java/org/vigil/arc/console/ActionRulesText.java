package org.vigil.arc.console;

import org.vigil.arc.console.queue.ActionKind;
import org.vigil.arc.console.queue.ActionRules;
import org.vigil.arc.console.queue.AlarmView;

/** Why a button is disabled: the refusal message and its rule, from the same rules that refuse the request. */
final class ActionRulesText {
    private ActionRulesText() {}

    static String why(ConsoleModule m, AlarmView a, org.vigil.arc.console.queue.Actor actor, ActionKind k) {
        return ActionRules.check(a, actor, k, m.now())
                .map(r -> r.message() + (r.rule().isEmpty() ? "" : " (" + r.rule() + ")")).orElse("");
    }
}
