package org.hrm.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.hrm.contracts.ServiceName;

/**
 * Which service this process is, and which instance of it: the heartbeat's topic and its {@code instanceId}.
 *
 * @param instanceId host name plus a random suffix, so two instances on one host (the sandbox) differ
 */
public record ServiceIdentity(ServiceName service, String instanceId) {

    public static ServiceIdentity of(ServiceName service) {
        byte[] suffix = new byte[3];
        ThreadLocalRandom.current().nextBytes(suffix);
        return new ServiceIdentity(service, hostName() + "-" + HexFormat.of().formatHex(suffix));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
