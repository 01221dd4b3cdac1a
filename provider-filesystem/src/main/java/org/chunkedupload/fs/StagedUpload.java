package org.chunkedupload.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One directory in a bucket's staging area and the state its name gives: {@code <id>} is a live
 * upload, {@code .completing-<id>} was claimed by a complete, {@code .aborting-<id>-<random>} by an
 * abort. A claimed directory whose owner died is still an upload holding bytes: pending lists it,
 * abort and sweep free it, resume finishes or rolls back the complete.
 *
 * @param dir the directory
 * @param uploadId the upload id
 * @param state what the name says
 */
record StagedUpload(Path dir, String uploadId, State state) {
    /** What a staging directory's name says about its upload. */
    enum State {
        /** Accepting parts. */
        LIVE,
        /** Claimed by a complete (running, or interrupted). */
        COMPLETING,
        /** Claimed by an abort (running, or interrupted). */
        ABORTING
    }

    static final String COMPLETING_PREFIX = ".completing-";
    static final String ABORTING_PREFIX = ".aborting-";
    private static final Pattern NAME = Pattern.compile("(\\.completing-|\\.aborting-)?([0-9a-f]{32})(-[0-9a-f]+)?");

    /** @return the staged upload a staging entry is, or empty for anything else (links included) */
    static Optional<StagedUpload> of(Path entry) {
        Matcher m = NAME.matcher(entry.getFileName().toString());
        if (!m.matches() || !Containment.isRealDirectory(entry)) {
            return Optional.empty();
        }
        String prefix = m.group(1);
        if (prefix == null) {
            return m.group(3) == null ? Optional.of(new StagedUpload(entry, m.group(2), State.LIVE)) : Optional.empty();
        }
        State state = prefix.equals(COMPLETING_PREFIX) ? State.COMPLETING : State.ABORTING;
        if (state == State.COMPLETING && m.group(3) != null) {
            return Optional.empty();
        }
        return Optional.of(new StagedUpload(entry, m.group(2), state));
    }

    /** @return bytes the directory holds (regular files only; links are not followed) */
    long bytesHeld() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long sum = 0;
            for (Path p : (Iterable<Path>) s::iterator) {
                var a = Containment.attributes(p); // empty when removed while walking
                if (a.isPresent() && a.get().isRegularFile()) {
                    sum += a.get().size();
                }
            }
            return sum;
        } catch (NoSuchFileException e) {
            return 0;
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return 0;
            }
            throw e.getCause();
        }
    }
}
