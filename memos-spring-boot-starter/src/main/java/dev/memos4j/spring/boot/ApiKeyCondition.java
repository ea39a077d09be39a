package dev.memos4j.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Whether {@code memos.api-key} is set to a non-blank value (the value itself is never reported). */
abstract class ApiKeyCondition extends SpringBootCondition {

    private final boolean wanted;

    ApiKeyCondition(boolean wanted) {
        this.wanted = wanted;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String key = context.getEnvironment().getProperty("memos.api-key");
        boolean present = key != null && !key.isBlank();
        String message = "memos.api-key is " + (present ? "set" : "not set");
        return present == wanted ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
    }

    /** Matches when the key is set. */
    static final class Present extends ApiKeyCondition {
        Present() {
            super(true);
        }
    }

    /** Matches when the key is not set. */
    static final class Absent extends ApiKeyCondition {
        Absent() {
            super(false);
        }
    }
}
