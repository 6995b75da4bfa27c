package org.streamml.streaming.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
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
