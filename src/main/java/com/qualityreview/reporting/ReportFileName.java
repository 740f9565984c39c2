package com.qualityreview.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The file name of one scope's report in one language: {@code executive.<lang>.pdf},
 * {@code region-<code part>.<lang>.pdf}, {@code site-<code part>.<lang>.pdf}. A code of upper-case
 * ASCII letters, digits, '.', '_' and '-' is its own code part ({@code site-SH-PUDONG.en.pdf});
 * any other code is shown readably and made unique by a hash of the exact code
 * ({@code site-__01~b84ae17142cf.en.pdf} for 上海01, {@code site-KOLN_1~053dfc193c16.en.pdf} for KÖLN 1).
 *
 * <p>Why two scopes never share a name, even where the file system ignores case (macOS, Windows):
 * <ul>
 * <li>A plain code part is the code itself, and plain codes hold no lower-case letter, so two
 * different plain codes still differ with case ignored.</li>
 * <li>A hashed code part is a readable form, '~', and 12 lower-case hex digits of the SHA-256 of the
 * code's UTF-8 bytes. '~' is in no plain code and in no readable form, so a hashed part never equals
 * a plain one, ignoring case or not. Two hashed parts are equal only when the first 48 bits of
 * their hashes are: a chance of 2^-48 for a pair of codes with the same readable form, which
 * {@link ReportRendering} turns into a failure naming both scopes instead of a shared file.</li>
 * <li>The scope type is the fixed prefix ({@code executive.}, {@code region-}, {@code site-}) and the
 * language the fixed suffix; a language tag holds no '.', so the suffix is read back unambiguously
 * from the last dots.</li>
 * </ul>
 */
public final class ReportFileName {

    /** Codes kept as they are; upper case only, so that case-insensitive file systems cannot merge two. */
    private static final Pattern PLAIN = Pattern.compile("[A-Z0-9._-]+");
    private static final Pattern NOT_FILE_SAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    static final char HASH_SEPARATOR = '~';
    static final int HASH_DIGITS = 12;

    private ReportFileName() {
    }

    public static String of(String scopeType, String scopeCode, Locale locale) {
        String language = locale.toLanguageTag();
        return switch (scopeType) {
            case "ORG" -> "executive." + language + ".pdf";
            case "REGION" -> "region-" + codePart(scopeCode) + "." + language + ".pdf";
            case "SITE" -> "site-" + codePart(scopeCode) + "." + language + ".pdf";
            default -> throw new IllegalArgumentException("unknown scope type " + scopeType);
        };
    }

    static String codePart(String code) {
        if (PLAIN.matcher(code).matches()) {
            return code;
        }
        return readable(code) + HASH_SEPARATOR + hash(code);
    }

    /** Accents dropped (KÖLN → KOLN), then anything but ASCII letters, digits, '.', '_', '-' as '_'. */
    static String readable(String code) {
        String unaccented = MARKS.matcher(Normalizer.normalize(code, Normalizer.Form.NFD)).replaceAll("");
        return NOT_FILE_SAFE.matcher(unaccented).replaceAll("_");
    }

    private static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
