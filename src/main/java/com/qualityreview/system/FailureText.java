package com.qualityreview.system;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A failure as one line a person can act on: what went wrong in words, naming the setting or file,
 * and what to do. The innermost cause alone is often a bare path ("missing.yml"), a decoder's
 * complaint ("Input length = 1") or a socket's ("Broken pipe"); the chain is read as a whole.
 */
final class FailureText {

    private static final String PRODUCT_PACKAGE = "com.qualityreview.";
    /** HSQLDB's text when another process holds the embedded database's lock file. */
    private static final Pattern HSQLDB_LOCK = Pattern.compile("Database lock acquisition failure");
    private static final Pattern HSQLDB_LOCK_FILE = Pattern.compile("file =([^,\\]]+?)\\.lck");

    private FailureText() {
    }

    static String oneLine(Throwable failure, String database) {
        List<Throwable> chain = chain(failure);
        Optional<String> line = embeddedDatabaseInUse(chain)
                .or(() -> databaseDoesNotAnswer(chain, database))
                .or(() -> productMessage(chain))
                .or(() -> badSetting(chain))
                .or(() -> fileProblem(chain));
        return flatten(line.orElseGet(() -> message(chain.get(chain.size() - 1))));
    }

    /** The failure and its causes, outermost first (a cause cycle is cut). */
    static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static Optional<String> embeddedDatabaseInUse(List<Throwable> chain) {
        for (Throwable t : chain) {
            String text = t.getMessage();
            if (text != null && HSQLDB_LOCK.matcher(text).find()) {
                Matcher file = HSQLDB_LOCK_FILE.matcher(text);
                String database = file.find() ? file.group(1).trim() : "under ./data";
                return Optional.of("the embedded database " + database + " is in use by another process (lock file " + database
                        + ".lck): wait until that process ends, then run this again; only one process at a time can use the embedded"
                        + " database (for several, use PostgreSQL: spring.datasource.url, see README)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> databaseDoesNotAnswer(List<Throwable> chain, String database) {
        boolean sql = chain.stream().anyMatch(t -> t instanceof SQLException || t instanceof DataAccessException
                || t instanceof CannotCreateTransactionException);
        boolean connection = chain.stream().anyMatch(t -> t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                || t instanceof SQLException sqlException && sqlException.getSQLState() != null && sqlException.getSQLState().startsWith("08")
                || isNetwork(t));
        if (!sql || !connection) {
            return Optional.empty();
        }
        String where = database == null || database.isBlank() ? "the database (spring.datasource.url)"
                : "the database " + withoutSettings(database);
        return Optional.of(where + " does not answer: " + networkWords(chain)
                + "; check that it is running and reachable"
                + (database == null || database.isBlank() ? "" : " (spring.datasource.url)")
                + ", then run the command again (restart <executionId> resumes a job that was cut short)");
    }

    private static boolean isNetwork(Throwable t) {
        return t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof EOFException
                || t instanceof UnknownHostException;
    }

    /** What the network said, in words; else the innermost message. */
    private static String networkWords(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            String text = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (text.contains("broken pipe")) {
                return "the connection was cut (broken pipe)";
            }
            if (text.contains("connection reset")) {
                return "the connection was reset";
            }
            if (t instanceof ConnectException || text.contains("connection refused")) {
                return "connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof SocketTimeoutException || text.contains("timed out")) {
                return "no answer in time";
            }
            if (t instanceof EOFException) {
                return "the connection was closed";
            }
        }
        return message(chain.get(chain.size() - 1));
    }

    /** A JDBC URL without what may follow it (;settings, ?user=...&password=...). */
    static String withoutSettings(String url) {
        return url.replaceAll("[;?].*$", "");
    }

    /**
     * The innermost message this product wrote for a person: a {@link CommandException}, or any
     * exception the product's own code threw, unless it only wraps its cause.
     */
    private static Optional<String> productMessage(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            if (t.getMessage() == null || t instanceof UncheckedIOException
                    || t.getCause() != null && t.getMessage().equals(t.getCause().toString())) {
                continue;
            }
            if (t instanceof CommandException || thrownByProduct(t)) {
                return Optional.of(t.getMessage());
            }
        }
        return Optional.empty();
    }

    private static boolean thrownByProduct(Throwable t) {
        StackTraceElement[] stack = t.getStackTrace();
        return stack.length > 0 && stack[0].getClassName().startsWith(PRODUCT_PACKAGE);
    }

    /** A setting Spring Boot could not convert: its name, its value and what it should be. */
    private static Optional<String> badSetting(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof BindException bind && bind.getProperty() != null) {
                Class<?> type = bind.getTarget().getType().resolve(Object.class);
                String expected = type == Duration.class ? "duration such as PT30S, 30s or 5m"
                        : type == int.class || type == Integer.class || type == long.class || type == Long.class ? "whole number"
                        : type == Path.class ? "path" : type.getSimpleName();
                return Optional.of(bind.getProperty().getName() + ": '" + bind.getProperty().getValue() + "' is not a " + expected
                        + "; correct the setting (see README, Configuration)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fileProblem(List<Throwable> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            if (t instanceof FileSystemException e) {
                return Optional.of(fileWords(e));
            }
            if (t instanceof CharacterCodingException) {
                return Optional.of("a file is not text in UTF-8 (" + message(t) + ")");
            }
        }
        return Optional.empty();
    }

    /** What a file-system failure means, naming the file. */
    static String fileWords(FileSystemException e) {
        String file = e.getFile();
        if (e instanceof NoSuchFileException) {
            return file + ": no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return file + ": permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + ": already exists (a file where a folder is needed?)";
        }
        if (e instanceof NotDirectoryException) {
            return file + ": not a folder";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return file + ": folder not empty";
        }
        String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason().toLowerCase(Locale.ROOT);
        return (e.getOtherFile() == null ? file : file + " -> " + e.getOtherFile()) + ": " + reason;
    }

    private static String message(Throwable t) {
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }

    private static String flatten(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
