package org.streamml.modelio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.streamml.ml.model.Model;
import org.streamml.modelio.codec.ModelCodec;
import org.streamml.modelio.codec.ModelCodecs;
import org.streamml.streaming.io.AtomicFile;
import org.streamml.modelio.internal.BinaryModelCodec;
import org.streamml.modelio.internal.Checksums;
import org.streamml.modelio.internal.JsonModelCodec;
import org.streamml.modelio.internal.PmmlReader;
import org.streamml.modelio.internal.PmmlWriter;

/**
 * Saves and loads model files. A saved model keeps its full state: parameters, version (batches
 * applied), time of its last batch, k-means cluster weights, so a streaming learner resumes exactly
 * where it stopped ({@code learner.setInitialModel(ModelIO.load(path, KMeansModel.class))}).
 *
 * <pre>{@code
 * ModelIO.save(model, Path.of("model.bin"));                    // format from the extension
 * ModelIO.save(model, Path.of("model.pmml"), ModelFormat.PMML);
 * KMeansModel km = ModelIO.load(Path.of("model.bin"), KMeansModel.class);
 * }</pre>
 *
 * <p>Writes are atomic: a temporary file in the same directory, forced to disk, then renamed over the
 * target, so a crash leaves the previous file intact. Loading recognizes the format from the content.
 * Every problem with a file's content raises a {@link ModelFormatException} naming the file, the place
 * and what was found and expected.
 */
public final class ModelIO {
    private ModelIO() {
    }

    /** Saves {@code model} to {@code path} in the format its extension suggests ({@link ModelFormat#forFileName}). */
    public static void save(Model model, Path path) throws IOException {
        save(model, path, ModelFormat.forFileName(path));
    }

    /** Saves {@code model} to {@code path} in {@code format}, written by this library now, no options. */
    public static void save(Model model, Path path, ModelFormat format) throws IOException {
        save(ModelFile.of(model), path, format);
    }

    /**
     * Saves {@code file} (a model with options and provenance) to {@code path} in {@code format},
     * atomically.
     *
     * @throws IllegalArgumentException if a parameter is NaN or infinite or a cluster weight negative
     */
    public static void save(ModelFile file, Path path, ModelFormat format) throws IOException {
        Objects.requireNonNull(path, "path");
        AtomicFile.write(path, encode(file, format));
    }

    /**
     * The bytes of {@code file} in {@code format}, as {@link #save} writes them.
     *
     * @throws IllegalArgumentException if a parameter is NaN or infinite, if the model's codec rejects it
     *         (a negative cluster weight), if no codec is registered for the model's class, or if PMML
     *         has no form for the model's type
     */
    public static byte[] encode(ModelFile file, ModelFormat format) {
        Objects.requireNonNull(format, "format");
        ModelCodec<?> codec = ModelCodecs.forModel(file.model());
        checkSavable(file.model(), codec);
        switch (format) {
            case JSON:
                return Checksums.addToJson(JsonModelCodec.write(file, codec).getBytes(StandardCharsets.UTF_8));
            case BINARY:
                return BinaryModelCodec.write(file, codec);
            default:
                return Checksums.addToPmml(PmmlWriter.write(file, codec));
        }
    }

    /** Loads the model in {@code path}, of any type and format. */
    public static Model load(Path path) throws IOException {
        return read(path).model();
    }

    /**
     * Loads the model in {@code path}, which must be of {@code type}.
     *
     * @throws ModelFormatException if the file holds another type of model
     */
    public static <M extends Model> M load(Path path, Class<M> type) throws IOException {
        Model m = load(path);
        if (!type.isInstance(m)) {
            throw ModelFormatException.of(path, "model type", m.type(),
                    typeName(type) + " (" + type.getSimpleName() + ")");
        }
        return type.cast(m);
    }

    /**
     * Reads the model in {@code path} with its options and provenance. A JSON or PMML file StreamML wrote
     * carries a checksum of its content, verified here: a file changed after it was written is refused (use
     * {@link #readUnverified} for a file edited by hand). Files without a checksum (other tools' PMML, older
     * StreamML files) load as they are.
     */
    public static ModelFile read(Path path) throws IOException {
        return decode(readBytes(path), String.valueOf(path));
    }

    /** {@link #read} without verifying the checksum of a JSON or PMML file: for files edited by hand. */
    public static ModelFile readUnverified(Path path) throws IOException {
        return decode(readBytes(path), String.valueOf(path), false);
    }

    /** {@link #load(Path)} without verifying the checksum of a JSON or PMML file: for files edited by hand. */
    public static Model loadUnverified(Path path) throws IOException {
        return readUnverified(path).model();
    }

    /** The format of the file {@code path}, from its content. */
    public static ModelFormat detectFormat(Path path) throws IOException {
        return detect(readBytes(path), String.valueOf(path));
    }

    /**
     * Decodes the bytes of a model file of any format.
     *
     * @param source the file name for messages
     */
    public static ModelFile decode(byte[] bytes, String source) throws ModelFormatException {
        return decode(bytes, source, true);
    }

    /**
     * Decodes the bytes of a model file of any format, verifying the checksum of a JSON or PMML file that has
     * one if {@code verify}.
     *
     * @param source the file name for messages
     */
    public static ModelFile decode(byte[] bytes, String source, boolean verify) throws ModelFormatException {
        switch (detect(bytes, source)) {
            case BINARY:
                return BinaryModelCodec.read(bytes, source);
            case JSON:
                return JsonModelCodec.read(utf8(verified(Checksums.fromJson(bytes), source, verify), source), source);
            default:
                return PmmlReader.read(verified(Checksums.fromPmml(bytes), source, verify), source);
        }
    }

    private static byte[] verified(Checksums.Stripped file, String source, boolean verify) throws ModelFormatException {
        if (verify && file.stated() != null) {
            String actual = Checksums.of(file.content());
            if (!actual.equals(file.stated())) {
                throw new ModelFormatException(source, source + ": checksum: found " + file.stated()
                        + " in the file but its content has " + actual + ": the file was modified or damaged after"
                        + " StreamML wrote it; to load a file edited by hand, use --no-verify"
                        + " (ModelIO.readUnverified)");
            }
        }
        return file.content();
    }

    private static byte[] readBytes(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(String.valueOf(path), path + ": no such model file", e);
        }
    }

    private static ModelFormat detect(byte[] bytes, String source) throws ModelFormatException {
        if (BinaryModelCodec.hasMagic(bytes, bytes.length)) {
            return ModelFormat.BINARY;
        }
        int i = 0;
        if (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            i = 3; // a UTF-8 byte order mark
        }
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) {
            i++;
        }
        if (i < bytes.length && bytes[i] == '{') {
            return ModelFormat.JSON;
        }
        if (i < bytes.length && bytes[i] == '<') {
            return ModelFormat.PMML;
        }
        String found = bytes.length == 0 ? "an empty file (0 bytes)" : i == bytes.length
                ? "only white space" : "the bytes " + hex(bytes, i, 8);
        throw ModelFormatException.of(source, "byte 0", found,
                "a model file: the binary magic 89 53 4D 4C 0D 0A 1A 0A, '{' (JSON) or '<' (PMML)");
    }

    private static String hex(byte[] bytes, int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + n); i++) {
            sb.append(i == from ? "" : " ").append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }

    private static String utf8(byte[] bytes, String source) throws ModelFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replaceFirst("^\uFEFF", "");
        } catch (CharacterCodingException e) {
            throw ModelFormatException.of(source, "encoding", "bytes that are not UTF-8", "UTF-8 JSON text");
        }
    }

    private static <M extends Model> void checkSavable(Model m, ModelCodec<M> codec) {
        if (!m.isFinite()) {
            throw new IllegalArgumentException("cannot save a model with a NaN or infinite parameter: " + m);
        }
        codec.checkSavable(codec.modelClass().cast(m));
    }

    private static String typeName(Class<? extends Model> type) {
        for (ModelCodec<?> c : ModelCodecs.all()) {
            if (c.modelClass() == type) {
                return c.type();
            }
        }
        return type.getName();
    }
}
