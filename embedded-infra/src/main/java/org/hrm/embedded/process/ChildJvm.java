package org.hrm.embedded.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line of a child JVM running one main class on this JVM's classpath: the test classpath
 * as it is, or, from ./hrm's executable jar (launcher/), Spring Boot's PropertiesLauncher pointed at the main class.
 */
public final class ChildJvm {
    private static final String LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ChildJvm() {}

    public static List<String> command(String mainClass, List<String> jvmOptions, List<String> args) {
        String classpath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (isExecutableJar(classpath)) {
            command.add("-Dloader.main=" + mainClass);
            command.addAll(List.of("-cp", classpath, LAUNCHER));
        } else {
            command.addAll(List.of("-cp", classpath, mainClass));
        }
        command.addAll(args);
        return command;
    }

    private static boolean isExecutableJar(String classpath) {
        Path jar = Path.of(classpath);
        if (classpath.contains(java.io.File.pathSeparator)
                || !classpath.endsWith(".jar")
                || !Files.isRegularFile(jar)) {
            return false;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getEntry("BOOT-INF/classes/") != null;
        } catch (IOException e) {
            return false;
        }
    }
}
