package org.hrm.testsupport.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * "Contract event records only in adapters", as a ratchet: the classes outside {@code <root>.adapter} that use
 * {@code org.hrm.contracts.events} must be exactly the listed ones, so a new user fails the test and so does a listed
 * class that was cleaned up and not struck from the list. The list can only shrink.
 */
final class ContractEventRatchet {
    static final String EVENTS = "org.hrm.contracts.events";

    private final String root;
    private final String adapters;
    private final String events;
    private final Set<String> usersLeft;

    ContractEventRatchet(String root, String events, Set<String> usersLeft) {
        this.root = root;
        this.adapters = root + ".adapter";
        this.events = events;
        this.usersLeft = usersLeft;
    }

    void check(JavaClasses main) {
        Map<String, Set<String>> users = users(main);
        Set<String> newUsers = new TreeSet<>(users.keySet());
        newUsers.removeAll(usersLeft);
        Set<String> cleaned = new TreeSet<>(usersLeft);
        cleaned.removeAll(users.keySet());
        StringBuilder failure = new StringBuilder();
        for (String user : newUsers) {
            failure.append("\n  ")
                    .append(user)
                    .append(" uses ")
                    .append(users.get(user))
                    .append(": map the event to a domain type in an adapter");
        }
        for (String user : cleaned) {
            failure.append("\n  ").append(user).append(" no longer uses contract events: strike it from the list");
        }
        if (!failure.isEmpty()) {
            throw new AssertionError("Contract event records are used only in " + adapters + ".." + failure + "\n("
                    + users.size() + " classes outside the adapters use them now)");
        }
    }

    /** Top-level classes outside the adapters that use contract events, with the event types each uses. */
    Map<String, Set<String>> users(JavaClasses main) {
        Map<String, Set<String>> users = new TreeMap<>();
        for (JavaClass type : main) {
            if (!within(type, root) || within(type, adapters)) {
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                JavaClass target = dependency.getTargetClass().getBaseComponentType();
                if (within(target, events)) {
                    users.computeIfAbsent(topLevel(type), name -> new TreeSet<>())
                            .add(target.getSimpleName());
                }
            }
        }
        return users;
    }

    private static boolean within(JavaClass type, String packageName) {
        return type.getPackageName().equals(packageName)
                || type.getPackageName().startsWith(packageName + ".");
    }

    private static String topLevel(JavaClass type) {
        String name = type.getName();
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }
}
