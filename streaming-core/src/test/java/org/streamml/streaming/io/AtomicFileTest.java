package org.streamml.streaming.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void shouldReplaceTheTargetOnlyOnCommit() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old\n");
        try (AtomicFile f = AtomicFile.create(target)) {
            f.writer().write("new\n");
            f.writer().flush();
            assertEquals("old\n", Files.readString(target), "the target changes only at commit");
            f.commit();
        }
        assertEquals("new\n", Files.readString(target));
        assertEquals(List.of(target), entries());
    }

    @Test
    void shouldKeepTheOldFileAndLeaveNoTemporaryFileWhenTheWriterFails() throws IOException {
        Path target = dir.resolve("model.bin");
        AtomicFile.write(target, new byte[] {1, 2, 3});
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[] {9, 9});
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals(3, Files.readAllBytes(target).length);
        assertEquals(List.of(target), entries());
    }

    @Test
    void shouldCreateTheDirectoryAndGiveNewFilesTheDefaultPermissions() throws IOException {
        Path target = dir.resolve("a/b/c.txt");
        AtomicFile.writeText(target, w -> w.write("x"));
        assertEquals("x", Files.readString(target));
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals(permissionsOfANewFile(), Files.getPosixFilePermissions(target),
                    "a plain new file's permissions, not createTempFile's owner-only ones");
        }
    }

    @Test
    void shouldRefuseASecondCommit() throws IOException {
        try (AtomicFile f = AtomicFile.create(dir.resolve("x"))) {
            f.commit();
            assertThrows(IllegalStateException.class, f::commit);
        }
    }

    @Test
    void shouldRemoveStaleTemporaryFilesOfTheSameTargetOnTheNextWrite() throws IOException {
        Path target = dir.resolve("out.csv");
        Path stale = Files.write(dir.resolve(".out.csv.k3j9x0.tmp"), new byte[4096]);
        Path fresh = Files.write(dir.resolve(".out.csv.a1b2c3.tmp"), new byte[1]);
        Path otherTarget = Files.write(dir.resolve(".other.csv.k3j9x0.tmp"), new byte[1]);
        Path notOurs = Files.write(dir.resolve(".out.csv.my-backup.tmp"), new byte[1]);
        FileTime old = FileTime.from(Instant.now().minus(AtomicFile.STALE_AGE).minusSeconds(5));
        for (Path p : List.of(stale, otherTarget, notOurs)) {
            Files.setLastModifiedTime(p, old);
        }

        AtomicFile.writeText(target, w -> w.write("x"));

        assertEquals(List.of(fresh, notOurs, otherTarget, target).stream().sorted().toList(), entries().stream()
                .sorted().toList(), "only the old leftover of the same target, in StreamML's pattern, is removed");
    }

    @Test
    void shouldNeverRemoveTheTemporaryFileOfAWriterOpenInThisProcess() throws IOException {
        Path target = dir.resolve("m.bin");
        try (AtomicFile slow = AtomicFile.create(target)) {
            slow.stream().write(new byte[] {7});
            Path temp = AtomicFile.openTemps().stream().filter(t -> t.getParent().equals(target.getParent()))
                    .findFirst().orElseThrow();
            Files.setLastModifiedTime(temp, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            assertEquals(0, AtomicFile.removeStaleTemps(dir, "m.bin", Instant.now()));
            AtomicFile.write(target, new byte[] {1});
            assertTrue(Files.exists(temp), "the open writer's file survives another write of the same target");
            slow.commit();
        }
        assertEquals(1, Files.readAllBytes(target).length);
        assertEquals(7, Files.readAllBytes(target)[0], "the last commit wins");
        assertEquals(List.of(target), entries());
        assertTrue(AtomicFile.openTemps().stream().noneMatch(t -> t.startsWith(dir)), "committed: unregistered");
    }

    @Test
    void shouldUnregisterTheTemporaryFileWhenTheWriterFails() throws IOException {
        Path target = dir.resolve("f.bin");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            throw new IOException("boom");
        }));
        assertTrue(AtomicFile.openTemps().stream().noneMatch(t -> t.startsWith(dir)));
        assertEquals(List.of(), entries());
    }

    private Set<PosixFilePermission> permissionsOfANewFile() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(probe);
        Files.delete(probe);
        return perms;
    }

    private List<Path> entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }
}
