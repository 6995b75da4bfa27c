package org.streamml.modelio.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The integrity check of JSON and PMML model files (binary files have their own): StreamML adds one
 * member or element holding the CRC-32C of the rest of the file, and verifies it on load when it is there.
 *
 * <ul>
 *   <li>JSON: {@code ,"checksum":"crc32c:"} and 8 hex digits, inserted just before the final {@code }}, so it is the
 *       top-level object's last member;</li>
 *   <li>PMML: {@code <Extension extender="StreamML" name="checksum" value="crc32c:…"/>} (8 hex digits) as the first
 *       child of {@code Header}, on its own line (other PMML tools ignore extensions of other extenders).</li>
 * </ul>
 * The CRC covers the file's bytes with exactly the inserted text removed, so removing it gives back the
 * file as StreamML's format writes it without a checksum (the golden files of format version 2). Files of
 * other tools and older StreamML versions have no checksum and load unverified.
 */
public final class Checksums {
    private static final String JSON_PREFIX = ",\"checksum\":\"crc32c:";
    private static final String PMML_INDENT = "\n        ";
    private static final String PMML_PREFIX = "<Extension extender=\"StreamML\" name=\"checksum\" value=\"crc32c:";
    private static final String PMML_SUFFIX = "\"/>";

    /** The file content without its checksum and the checksum it stated ({@code null} when it had none). */
    public record Stripped(byte[] content, String stated) {
    }

    private Checksums() {
    }

    /** {@code crc32c:XXXXXXXX} of {@code bytes}. */
    public static String of(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return String.format("crc32c:%08x", crc.getValue());
    }

    /** A JSON model file with its checksum member. */
    public static byte[] addToJson(byte[] json) {
        String text = latin1(json);
        int end = text.lastIndexOf('}');
        if (end < 0) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return bytes(text.substring(0, end) + JSON_PREFIX + of(json).substring(7) + "\"" + text.substring(end));
    }

    /** A PMML model file with its checksum extension as the first child of {@code Header}. */
    public static byte[] addToPmml(byte[] pmml) {
        String text = latin1(pmml);
        int header = text.indexOf("<Header");
        int close = header < 0 ? -1 : text.indexOf('>', header);
        if (close < 0 || text.charAt(close - 1) == '/') {
            throw new IllegalArgumentException("no Header element with children");
        }
        return bytes(text.substring(0, close + 1) + PMML_INDENT + PMML_PREFIX + of(pmml).substring(7) + PMML_SUFFIX
                + text.substring(close + 1));
    }

    /** Splits a JSON model file into its content and stated checksum. */
    public static Stripped fromJson(byte[] json) {
        String text = latin1(json);
        int at = text.lastIndexOf(JSON_PREFIX);
        if (at < 0) {
            return new Stripped(json, null);
        }
        int hex = at + JSON_PREFIX.length();
        int after = hex + 8;
        if (after + 1 > text.length() || text.charAt(after) != '"' || !isHex(text, hex, after)) {
            return new Stripped(json, "unreadable");
        }
        return new Stripped(bytes(text.substring(0, at) + text.substring(after + 1)),
                "crc32c:" + text.substring(hex, after));
    }

    /** Splits a PMML model file into its content and stated checksum. */
    public static Stripped fromPmml(byte[] pmml) {
        String text = latin1(pmml);
        int at = text.indexOf(PMML_PREFIX);
        if (at < 0) {
            return new Stripped(pmml, null);
        }
        int hex = at + PMML_PREFIX.length();
        int after = hex + 8;
        if (!text.startsWith(PMML_SUFFIX, after) || !isHex(text, hex, after)) {
            return new Stripped(pmml, "unreadable");
        }
        int from = text.startsWith(PMML_INDENT, at - PMML_INDENT.length()) ? at - PMML_INDENT.length() : at;
        return new Stripped(bytes(text.substring(0, from) + text.substring(after + PMML_SUFFIX.length())),
                "crc32c:" + text.substring(hex, after));
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
