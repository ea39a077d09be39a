package dev.memos4j.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * One element of {@code bind/profile_template}'s {@code bind_list}: a profile template bound to a user
 * or an agent.
 *
 * @param profileTemplateId the profile template (required)
 * @param userId the user (exactly one of user and agent)
 * @param agentId the agent (exactly one of user and agent)
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record ProfileBinding(
        @JsonProperty("profile_template_id") String profileTemplateId,
        @JsonProperty("user_id") Optional<String> userId,
        @JsonProperty("agent_id") Optional<String> agentId) {

    /**
     * Validates: a template and exactly one subject.
     *
     * @param profileTemplateId the profile template (required)
     * @param userId the user (exactly one of user and agent)
     * @param agentId the agent (exactly one of user and agent)
     */
    public ProfileBinding {
        Models.requireText(profileTemplateId, "bind_list[].profile_template_id");
        userId = Models.opt(userId);
        agentId = Models.opt(agentId);
        Models.requireExactlyOneSubject(userId.orElse(null), agentId.orElse(null));
    }

    /**
     * Binds a template to a user.
     *
     * @param profileTemplateId the profile template to bind
     * @param userId the user
     * @return the binding
     */
    public static ProfileBinding forUser(String profileTemplateId, String userId) {
        return new ProfileBinding(profileTemplateId, Optional.ofNullable(userId), Optional.empty());
    }

    /**
     * Binds a template to an agent.
     *
     * @param profileTemplateId the profile template to bind
     * @param agentId the agent
     * @return the binding
     */
    public static ProfileBinding forAgent(String profileTemplateId, String agentId) {
        return new ProfileBinding(profileTemplateId, Optional.empty(), Optional.ofNullable(agentId));
    }
}
