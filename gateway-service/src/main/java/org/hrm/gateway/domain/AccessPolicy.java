package org.hrm.gateway.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what for whom. Operators see ops only; patients act for themselves; practitioners read and fetch but
 * never grant; systems submit and fetch but never erase. Everything record-related is for the caller's own party id:
 * nobody acts for another owner through the gateway.
 */
public final class AccessPolicy {
    private static final Map<Role, Set<Action>> ALLOWED = Map.of(
            Role.PATIENT,
            EnumSet.of(
                    Action.SUBMIT,
                    Action.READ_STATUS,
                    Action.READ_OWNER_DATA,
                    Action.FETCH,
                    Action.GRANT,
                    Action.ERASE,
                    Action.LIST_GRANTEES,
                    Action.USE_DIRECTORY),
            Role.PRACTITIONER,
            EnumSet.of(
                    Action.SUBMIT,
                    Action.READ_STATUS,
                    Action.READ_OWNER_DATA,
                    Action.FETCH,
                    Action.ERASE,
                    Action.LIST_GRANTEES,
                    Action.USE_DIRECTORY),
            Role.SYSTEM,
            EnumSet.of(Action.SUBMIT, Action.READ_STATUS, Action.FETCH, Action.LIST_GRANTEES, Action.USE_DIRECTORY),
            Role.OPERATOR,
            EnumSet.of(Action.OPERATE));

    private AccessPolicy() {}

    /** Whether any of the caller's roles allows the action at all. */
    public static boolean allows(Caller caller, Action action) {
        return caller.roles().stream().anyMatch(role -> ALLOWED.get(role).contains(action));
    }

    /** Refuses unless a role allows the action. */
    public static void check(Caller caller, Action action) {
        if (!allows(caller, action)) {
            throw new AccessRefused("role " + caller.roles() + " may not " + describe(action));
        }
    }

    /** Refuses unless a role allows the action and the caller is {@code partyId} (the owner, or the author). */
    public static void checkFor(Caller caller, Action action, String partyId) {
        check(caller, action);
        if (!caller.isParty(partyId)) {
            throw new AccessRefused(caller.partyId() + " may not " + describe(action) + " for " + partyId);
        }
    }

    /** A record's status is for its owner and its author. */
    public static void checkStatus(Caller caller, String ownerId, String authorId) {
        check(caller, Action.READ_STATUS);
        if (!caller.isParty(ownerId) && !caller.isParty(authorId)) {
            throw new AccessRefused(caller.partyId() + " is neither the owner nor the author of this record");
        }
    }

    private static String describe(Action action) {
        return action.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
