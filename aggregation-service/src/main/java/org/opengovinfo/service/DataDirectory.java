package org.opengovinfo.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded database's directory, readable by the service's user only: the H2 files hold every unit's figures and
 * the tokens' hashes. The directory is made (or narrowed to) mode 0700 and files already in it to 0600 before H2
 * opens them; H2 then creates its files inside a directory no one else may enter.
 */
public final class DataDirectory {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {}

    public static Path prepare(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return dir;
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            Files.setPosixFilePermissions(dir, OWNER_DIRECTORY);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(f, OWNER_FILE);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + dir, e);
        }
    }
}
