package org.hrm.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Besu node options, gathered from command-line arguments or BESU_* environment variables, and the rules
 * the ledger writer needs of every node. The rules follow Besu's own start-up validation: layered and
 * sequenced transaction-pool options exclude each other, and --tx-pool-price-bump is refused on a
 * zeroBaseFee genesis.
 */
final class BesuOptions {
    private static final List<String> LAYERED_POOL_OPTIONS = List.of(
            "tx-pool-layer-max-capacity",
            "tx-pool-max-prioritized",
            "tx-pool-max-prioritized-by-type",
            "tx-pool-max-future-by-sender",
            "tx-pool-min-score");
    private static final List<String> SEQUENCED_POOL_OPTIONS =
            List.of("tx-pool-limit-by-account-percentage", "tx-pool-max-size", "tx-pool-retention-hours");

    private final Map<String, String> options = new TreeMap<>();

    static BesuOptions of(Map<String, String> environment, List<String> arguments) {
        BesuOptions besu = new BesuOptions();
        environment.forEach((name, value) -> {
            if (name.startsWith("BESU_") && !name.equals("BESU_OPTS")) {
                besu.options.put(name.substring(5).toLowerCase(Locale.ROOT).replace('_', '-'), value);
            }
        });
        for (String argument : arguments) {
            String option = argument.replaceFirst("^--", "");
            int equals = option.indexOf('=');
            besu.options.put(
                    equals < 0 ? option : option.substring(0, equals),
                    equals < 0 ? "true" : option.substring(equals + 1));
        }
        return besu;
    }

    String get(String option) {
        return options.get(option);
    }

    /** Why a node with these options would not start, or would starve the writer; empty when fine. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        String pool = options.getOrDefault("tx-pool", "layered").toLowerCase(Locale.ROOT);
        List<String> forbidden = pool.equals("layered") ? SEQUENCED_POOL_OPTIONS : LAYERED_POOL_OPTIONS;
        forbidden.stream()
                .filter(options::containsKey)
                .forEach(option -> problems.add(option + " is refused with the " + pool + " pool"));
        if (options.containsKey("tx-pool-price-bump")) {
            problems.add("tx-pool-price-bump is refused on a zeroBaseFee genesis");
        }
        if (!"0".equals(options.get("min-gas-price"))) {
            problems.add("min-gas-price must be 0 (free gas), is " + options.get("min-gas-price"));
        }
        if (pool.equals("sequenced") && !"1".equals(options.get("tx-pool-limit-by-account-percentage"))) {
            problems.add("tx-pool-limit-by-account-percentage must be 1: the writer is one sender");
        }
        if (pool.equals("layered")
                && Integer.parseInt(options.getOrDefault("tx-pool-max-future-by-sender", "200")) <= 64) {
            problems.add("tx-pool-max-future-by-sender must exceed the writer's 64 transactions in flight");
        }
        return problems;
    }
}
