package org.chunkedupload.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.chunkedupload.api.InvalidTargetException;

/**
 * Keeps every path the filesystem provider touches inside its root: no component between the root
 * and the path may be a symbolic link (or anything but a directory), so nothing is ever written,
 * read or deleted through a link. The root itself is the user's choice and may be reached through
 * links; everything below it is checked component by component, without following links.
 */
final class Containment {
    private Containment() {
    }

    /**
     * Checks that every existing component of {@code dir} below {@code root} is a real directory.
     * Missing components are fine (they will be created as directories).
     *
     * @param root the provider's root
     * @param dir a directory path under the root
     * @param what how to name the offending input in the message, e.g. "fs://demo/a/b"
     * @throws InvalidTargetException naming the link and the fix
     */
    static void checkDirectory(Path root, Path dir, String what) {
        if (!dir.startsWith(root)) {
            throw new InvalidTargetException(what + " resolves outside the fs root " + root + ": use a plain relative key");
        }
        Path p = root;
        for (Path name : root.relativize(dir)) {
            p = p.resolve(name);
            Optional<BasicFileAttributes> a = attributes(p);
            if (a.isEmpty()) {
                return; // the rest does not exist yet
            }
            if (a.get().isSymbolicLink()) {
                throw new InvalidTargetException(what + ": " + p + " is a symbolic link, and fs never follows links out of"
                        + " its root; replace the link with a real directory or choose another root");
            }
            if (!a.get().isDirectory()) {
                throw new InvalidTargetException(what + ": " + p + " is a file where fs needs a directory; move the file"
                        + " away or choose another key");
            }
        }
    }

    /** @return the attributes of {@code p} itself (a link is not followed), or empty when nothing is there */
    static Optional<BasicFileAttributes> attributes(Path p) {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw Staging.map("inspect " + p, e);
        }
    }

    /** @return whether {@code p} itself is a real directory (not a link to one) */
    static boolean isRealDirectory(Path p) {
        return attributes(p).map(BasicFileAttributes::isDirectory).orElse(false);
    }

    /** @return whether {@code p} itself is a regular file (not a link to one) */
    static boolean isRegularFile(Path p) {
        return attributes(p).map(BasicFileAttributes::isRegularFile).orElse(false);
    }
}
