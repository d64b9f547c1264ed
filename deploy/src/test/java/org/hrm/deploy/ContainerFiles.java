package org.hrm.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * What one container sees as its file system, laid out under a host directory: each file or directory a deployment
 * mounts at container path P is {@code root + P} ({@link ServiceConfiguration} rewrites settings naming P). Paths of
 * the image itself (the SoftHSM2 library) are not mounts.
 */
final class ContainerFiles {
    private final Path root;
    private final List<String> mounts = new ArrayList<>();

    ContainerFiles(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Where container path {@code containerPath} is on this host. */
    Path host(String containerPath) {
        return root.resolve(containerPath.replaceFirst("^/+", ""));
    }

    /** Mounts a copy of {@code content} at {@code containerPath}, readable by its owner only (a Secret's 0400/0440). */
    void file(String containerPath, byte[] content) {
        Path target = host(containerPath);
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createFile(
                    target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(target, content);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mounts.add(containerPath);
    }

    /** Mounts the host directory or file {@code source} at {@code containerPath} (a volume). */
    void link(String containerPath, Path source) {
        Path target = host(containerPath);
        try {
            Files.createDirectories(target.getParent());
            Files.deleteIfExists(target);
            Files.createSymbolicLink(target, source.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mounts.add(containerPath);
    }

    /** An empty directory at {@code containerPath} (an emptyDir). */
    void directory(String containerPath) {
        try {
            Files.createDirectories(host(containerPath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mounts.add(containerPath);
    }

    /** True when {@code containerPath} is mounted, lies in something mounted or is a directory holding mounts. */
    boolean mounted(String containerPath) {
        String path =
                containerPath.endsWith("/") ? containerPath.substring(0, containerPath.length() - 1) : containerPath;
        return mounts.stream()
                .anyMatch(mount -> path.equals(mount) || path.startsWith(mount + "/") || mount.startsWith(path + "/"));
    }
}
