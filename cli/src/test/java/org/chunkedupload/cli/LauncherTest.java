package org.chunkedupload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script ({@code ./chunked-upload}) starts the JVM with the flags docs/benchmarks.md
 * measured: both JIT tiers (C2 at ten times its thresholds) unless every target on the command line
 * is {@code fs://}, where the first tier alone is faster; the user's own flags come last; its
 * class-data archive holds the training runs' classes and those of a real upload. Run against a
 * stand-in {@code java} that records its arguments and the class lists it is asked to archive.
 */
class LauncherTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";
    private static final String C2_X10 = "-XX:Tier4InvocationThreshold=50000";
    /** A species the JDK's image lacks: archived, it crashes JDK 17 when a class file load hook is on. */
    private static final String SPECIES = "@lambda-form-invoker [SPECIES_RESOLVE] java.lang.invoke.BoundMethodHandle$Species_LI";
    private static final String LAMBDA_FORM =
            "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L_L";

    @TempDir
    Path tmp;
    private Path launcher;
    private Path bin;

    @BeforeEach
    void install() throws Exception {
        launcher = tmp.resolve("chunked-upload");
        Files.copy(Path.of(System.getProperty("user.dir")).resolve("../chunked-upload"), launcher);
        Path target = Files.createDirectories(tmp.resolve("cli/target"));
        Path jar = Files.writeString(target.resolve("chunked-upload.jar"), "not a jar");
        Path stamp = Files.writeString(target.resolve("chunked-upload.jsa.attempted"), "");
        // the class-data archive was attempted after this jar was built: no training runs
        Files.setLastModifiedTime(stamp, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 10_000));
        bin = Files.createDirectories(tmp.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$ARGS_FILE\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> javaArgs(String javaOpts, String... args) throws Exception {
        Path recorded = tmp.resolve("args.txt");
        Files.deleteIfExists(recorded);
        List<String> cmd = new ArrayList<>(List.of("bash", launcher.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("ARGS_FILE", recorded.toString());
        pb.environment().put("CHUNKED_UPLOAD_BUILD", "never");
        pb.environment().remove("CHUNKED_UPLOAD_JAVA_OPTS");
        if (javaOpts != null) {
            pb.environment().put("CHUNKED_UPLOAD_JAVA_OPTS", javaOpts);
        }
        Process p = pb.start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher ended");
        assertEquals(0, p.exitValue(), said);
        List<String> got = Files.readAllLines(recorded);
        int jar = got.indexOf("-jar");
        assertTrue(jar > 0 && got.subList(jar + 2, got.size()).equals(List.of(args)),
                "the command line is passed on unchanged after -jar: " + got);
        return got.subList(0, jar);
    }

    @Test
    void fsAloneRunsOnTheFirstTierOnly() throws Exception {
        List<String> flags = javaArgs(null, "put", "big.iso", "fs://isos/big.iso", "-o", "fsync=false");
        assertTrue(flags.contains(C1_ONLY), flags.toString());
        assertFalse(flags.contains(C2_X10), flags.toString());
        assertTrue(javaArgs(null, "pending", "fs://isos/").contains(C1_ONLY));
    }

    @Test
    void anyOtherSchemeKeepsBothTiers() throws Exception {
        for (List<String> line : List.of(List.of("put", "big.iso", "s3://media/big.iso"),
                List.of("put", "big.iso", "fs://isos/big.iso", "-o", "endpoint=https://example.com"),
                List.of("sweep", "gs://b/", "--older-than", "1d"), List.of("providers"))) {
            List<String> flags = javaArgs(null, line.toArray(String[]::new));
            assertTrue(flags.contains(C2_X10) && !flags.contains(C1_ONLY), line + ": " + flags);
        }
    }

    /** A stand-in java for the training runs and the dump: each dump's class list is kept in {@code dumps/}. */
    private Path trainingJava(String refusedLine) throws Exception {
        Files.delete(tmp.resolve("cli/target/chunked-upload.jsa.attempted"));
        Path cds = Files.createDirectories(tmp.resolve("cli/cds"));
        Path source = Path.of(System.getProperty("user.dir")).resolve("cds");
        Files.copy(source.resolve("train.sh"), cds.resolve("train.sh"));
        for (String scheme : List.of("s3", "gs", "az")) {
            Files.copy(source.resolve(scheme + "-upload.classlist"), cds.resolve(scheme + "-upload.classlist"));
        }
        Path dumps = Files.createDirectories(tmp.resolve("dumps"));
        Path java = Files.writeString(bin.resolve("java"), String.join("\n", "#!/bin/sh", "list=''",
                "for a in \"$@\"; do case \"$a\" in",
                "  -XX:DumpLoadedClassList=*) printf 'trained %s\\n%s\\n%s\\n' \"${a##*/}\" '" + SPECIES + "' '"
                        + LAMBDA_FORM + "' > \"${a#*=}\" ;;",
                "  -XX:SharedClassListFile=*) list=\"${a#*=}\" ;;",
                "  -XX:SharedArchiveFile=*) jsa=\"${a#*=}\" ;;",
                "esac; done",
                "if [ -n \"$list\" ]; then",
                "  cp \"$list\" \"" + dumps + "/dump$(ls '" + dumps + "' | wc -l)\"",
                "  grep -qxF '" + refusedLine + "' \"$list\" && exit 1",
                "  touch \"$jsa\"; exit 0",
                "fi",
                "printf '%s\\n' \"$@\" > \"$ARGS_FILE\"", ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return dumps;
    }

    /** A class of an SDK's that only a real upload with {@code scheme} loads. */
    private static String anUploadClass(String scheme, String sdkPackage) throws Exception {
        return Files.readAllLines(Path.of(System.getProperty("user.dir")).resolve("cds/" + scheme + "-upload.classlist"))
                .stream().filter(l -> l.startsWith(sdkPackage)).findFirst().orElseThrow();
    }

    private static String anUploadClass() throws Exception {
        return anUploadClass("s3", "software/amazon/awssdk/services/s3/model/");
    }

    @Test
    void theArchiveHoldsTheTrainingRunsAndARealUploadsClasses() throws Exception {
        Path dumps = trainingJava("no line is refused");
        List<String> flags = javaArgs(null, "put", "big.iso", "s3://media/big.iso");
        List<String> archived = Files.readAllLines(dumps.resolve("dump0"));
        assertTrue(archived.containsAll(List.of("trained fs.lst", "trained s3-http.lst", "trained s3-https.lst",
                anUploadClass(), anUploadClass("gs", "com/google/cloud/storage/"),
                anUploadClass("az", "com/azure/storage/blob/"))), archived.toString());
        assertTrue(flags.contains("-XX:SharedArchiveFile=" + tmp.resolve("cli/target/chunked-upload.jsa")), flags.toString());
    }

    @Test
    void aJdkThatRefusesTheUploadListStillGetsTheTrainingRunsArchive() throws Exception {
        Path dumps = trainingJava(anUploadClass());
        List<String> flags = javaArgs(null, "put", "big.iso", "s3://media/big.iso");
        List<String> second = Files.readAllLines(dumps.resolve("dump1"));
        assertTrue(second.contains("trained fs.lst") && !second.contains(anUploadClass()), second.toString());
        assertTrue(flags.contains("-XX:SharedArchiveFile=" + tmp.resolve("cli/target/chunked-upload.jsa")), flags.toString());
    }

    /**
     * A training run records the method-handle species it used; JDK 17's dump generates those its
     * image lacks, and a JVM started with JFR or a Java agent then crashed (SIGSEGV in
     * {@code check_shared_class_file_load_hook}) on the first such species an Azure put loads.
     */
    @Test
    void theArchiveHasNoSpeciesGeneratedAtDumpTime() throws Exception {
        Path dumps = trainingJava("no line is refused");
        javaArgs(null, "put", "big.iso", "az://media/big.iso");
        List<String> archived = Files.readAllLines(dumps.resolve("dump0"));
        assertFalse(archived.contains(SPECIES), "a species line was passed to the dump");
        assertTrue(archived.contains(LAMBDA_FORM) && archived.contains("trained s3-http.lst"),
                "the other lines are kept: " + archived.subList(0, Math.min(5, archived.size())));
    }

    @Test
    void theUsersFlagsComeLast() throws Exception {
        List<String> flags = javaArgs("-Xmx256m -XX:TieredStopAtLevel=4", "put", "a", "fs://b/a");
        assertEquals(List.of("-Xmx256m", "-XX:TieredStopAtLevel=4"), flags.subList(flags.size() - 2, flags.size()),
                "CHUNKED_UPLOAD_JAVA_OPTS overrides the launcher's flags: " + flags);
    }
}
