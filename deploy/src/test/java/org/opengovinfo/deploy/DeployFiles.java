package org.opengovinfo.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The deploy module's directory (Maven passes it as {@code deploy.dir}) and its files. */
final class DeployFiles {

    private DeployFiles() {}

    static Path dir() {
        return Path.of(System.getProperty("deploy.dir", ".")).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return dir().resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(file(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
