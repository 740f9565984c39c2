package com.qualityreview.system;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Folders the application writes to, checked before work starts rather than found wanting half-way. */
public final class Folders {

    private Folders() {
    }

    /**
     * Creates the folder of a setting if need be and proves it writable (by writing and removing a
     * file: permissions alone say nothing for root or a read-only file system).
     *
     * @throws CommandException naming the setting, what is wrong and what to do
     */
    public static void requireWritable(String setting, Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        String problem;
        try {
            if (Files.exists(folder) && !Files.isDirectory(folder)) {
                problem = "is a file, not a folder";
            }
            else {
                Files.createDirectories(folder);
                Files.delete(Files.createTempFile(folder, ".write-check-", ".probe"));
                return;
            }
        }
        catch (FileAlreadyExistsException e) {
            problem = "cannot be created: " + e.getFile() + " is a file, not a folder";
        }
        catch (AccessDeniedException e) {
            problem = "cannot be written by this user (permission denied" + (absolute.toString().equals(e.getFile()) ? "" : " at " + e.getFile()) + ")";
        }
        catch (FileSystemException e) {
            problem = "cannot be written: " + FailureText.fileWords(e);
        }
        catch (IOException e) {
            problem = "cannot be written: " + e.getMessage();
        }
        throw new CommandException(setting + ": " + absolute + " " + problem + "; set " + setting + " to a folder this user can write to");
    }
}
